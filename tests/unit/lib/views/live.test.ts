// The card's live section says what failed in our words: no response text and no host (a user's own RPC host is
// unique to them, and cards are shown inside web pages). A card whose live part breaks the contract is shown
// without it, bundled facts intact.
import { describe, expect, test } from 'vitest';
import { getToken, REGISTRY_VERSION } from '../../../../lib/registry';
import { tokenLive, type TokenLive } from '../../../../lib/live/facts';
import { putFail, putOk, type Entries } from '../../../../lib/live/store';
import { key, marketCoin, unitCoin } from '../../../../lib/live/keys';
import { apiSource, chainSource } from '../../../../lib/provenance';
import { toCardView } from '../../../../lib/views/build';
import { TokenCardView } from '../../../../lib/views/schema';
import { plainText } from '../../../../lib/text';

const ez = getToken('ezeth')!;
const NOW = new Date('2026-11-25T12:00:00Z');
const at = NOW.toISOString();
const rs = ez.rateSource!;

function entries(): Entries {
  const e: Entries = {};
  putOk(e, key.rate(ez.id), { rate: 1.02, unit: 'ETH' }, chainSource(rs.chain, rs.contract, rs.function, 21_000_000n, at), at);
  putOk(e, key.price(marketCoin(ez)!), { usd: 3050, priceAt: at, timeGiven: true }, apiSource('https://coins.llama.fi/prices/current/x', marketCoin(ez)!, at), at);
  putOk(e, key.price(unitCoin(ez)!), { usd: 3000, priceAt: at, timeGiven: true }, apiSource('https://coins.llama.fi/prices/current/x', unitCoin(ez)!, at), at);
  return e;
}

describe('live section of the card', () => {
  test('a failure message naming a user RPC host, or carrying outside text, never reaches the card', () => {
    const e = entries();
    putFail(e, key.rate(ez.id), 'network', 'rates on Ethereum via myname.quiknode.pro: \u202Eclaim at evil.example', new Date(NOW.getTime() + 60_000).toISOString());
    const card = toCardView(ez, REGISTRY_VERSION, new Date(NOW.getTime() + 31 * 60_000), { live: tokenLive(ez, e, new Date(NOW.getTime() + 31 * 60_000)), offline: false });
    const json = JSON.stringify(card);
    expect(json).not.toMatch(/quiknode|evil\.example|\u202E/);
    expect(card.live.facts.find((f) => f.id === 'rate')!.failing).toBe('the source could not be reached');
    expect(card.live.note).toMatch(/Now failing: the source could not be reached\./);
  });

  test('the price cites its own coin key and the rate its own call', () => {
    const card = toCardView(ez, REGISTRY_VERSION, NOW, { live: tokenLive(ez, entries(), NOW), offline: false });
    expect(card.live.facts.find((f) => f.id === 'price')!.sources).toEqual([expect.objectContaining({ kind: 'api', subject: marketCoin(ez) })]);
    expect(card.live.facts.find((f) => f.id === 'rate')!.sources).toEqual([expect.objectContaining({ kind: 'chain', function: 'getRate()', block: '21000000' })]);
  });

  test('a live part that breaks the contract is left out; the bundled facts stay', () => {
    const good = tokenLive(ez, entries(), NOW);
    const broken: TokenLive = { ...good, rate: { ...good.rate!, sources: [{ kind: 'chain', chain: 'nope', contract: 'x', function: 'f', block: null, at } as never] } };
    const card = toCardView(ez, REGISTRY_VERSION, NOW, { live: broken, offline: false });
    expect(TokenCardView.safeParse(card).success).toBe(true);
    expect(card.live.facts).toEqual([]);
    expect(card.live.note).toMatch(/Live figures were left out/);
    expect(card.audits.length).toBeGreaterThan(0);
  });
});

describe('plainText', () => {
  test('control and format characters go, white space folds, length is capped', () => {
    expect(plainText('a\u202Eb\u200Bc\n\td')).toBe('a b c d');
    expect(plainText('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
