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

describe('exit and redemption on the card', () => {
  const weeth = getToken('weeth')!;
  const fluid = 'fluid-dex weETH/ETH 0x86f874212335Af27C41cDb855C2255543d1499cE';
  const uni = 'uniswap-v3 WETH/weETH 0x202A6012894Ae5c288eA824cbc8A9bfb26A49b93';
  const fluidCall = chainSource('eip155:1', '0x05Bd8269A20C472b148246De20E6852091BF16Ff', 'estimateSwapIn(address,bool,uint256,uint256)', 100n, at);
  const uniCall = chainSource('eip155:1', '0x61fFE014bA17989E743c5F6cB21bF9697530B21e', 'quoteExactInputSingle((address,address,uint256,uint24,uint160))', 100n, at);
  const nft = chainSource('eip155:1', '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c', 'nextRequestId()', 100n, at);
  function withExit(): Entries {
    const e: Entries = {};
    const sellable = { '2': { size: 1480, basis: 'interpolated', venue: fluid }, '5': { size: 25_000, basis: 'at-least', venue: fluid } };
    putOk(
      e,
      key.exit(weeth.id),
      {
        venue: fluid,
        impactPct: { '10': 0.01, '100': 0.1, '1000': 1.4 },
        bestVenue: { '10': uni, '100': fluid, '1000': fluid },
        sellable,
        denomination: 'ETH',
        reported: [10, 100, 1000],
        venues: [
          { venue: fluid, exitAsset: 'ETH', impactPct: { '10': 0.02 }, sellable, source: fluidCall },
          { venue: uni, exitAsset: 'WETH', impactPct: { '10': 0.01 }, sellable, source: uniCall },
        ],
        skipped: [{ venue: 'curve weETH/WETH 0xDB74dfDD3BB46bE8Ce6C33dC9D82777BCFc3dEd5', reason: 'the reference quote reverted' }],
      },
      fluidCall,
      at,
    );
    putOk(e, key.redemption(weeth.id), { protocol: 'ether.fi', open: true, instant: null, queue: { requests: 3, aheadEth: 1235 }, delayDays: 8, estimate: 'Redeem at the rate in about 8 days (queue: 1,235 ETH ahead, 3 requests).', sources: [nft], block: '100' }, nft, at);
    return e;
  }
  test('sellable within 2% / 5%, impact per size, best venue per size and the redemption estimate, each with its calls', () => {
    const card = toCardView(weeth, REGISTRY_VERSION, NOW, { live: tokenLive(weeth, withExit(), NOW), offline: false });
    TokenCardView.parse(card);
    const f = (id: string) => card.live.facts.find((x) => x.id === id)!;
    expect(f('exit-sellable')).toMatchObject({ text: 'about 1,480 weETH within 2%, at least 25,000 weETH within 5% (best single venue: fluid-dex weETH/ETH 0x86f8…99cE)', sources: [fluidCall], fresh: true });
    expect(f('exit').text).toBe('10 weETH: 0.01%, 100 weETH: 0.10%, 1,000 weETH: 1.40%');
    expect(f('exit-venue').text).toMatch(/^10 weETH: uniswap-v3 WETH\/weETH 0x202A…9b93; 100 weETH: fluid-dex .*; 1 venue not counted \(curve weETH\/WETH 0xDB74…dEd5: the reference quote reverted\)$/);
    expect(f('exit-venue').sources).toEqual([fluidCall, uniCall]);
    expect(f('redemption')).toMatchObject({ text: 'Redeem at the rate in about 8 days (queue: 1,235 ETH ahead, 3 requests).', sources: [nft] });
    expect(card.rating.petals.find((p) => p.id === 'exit')).toMatchObject({ method: 'live', level: 'good', sources: [fluidCall, nft] });
  });
  test('past its time-to-live the redemption read shows grey with its age, and the petal stops using it', () => {
    const later = new Date(NOW.getTime() + 181 * 60_000);
    const card = toCardView(weeth, REGISTRY_VERSION, later, { live: tokenLive(weeth, withExit(), later), offline: false });
    expect(card.live.facts.find((x) => x.id === 'redemption')!.fresh).toBe(false);
    expect(card.rating.petals.find((p) => p.id === 'exit')!.method).toBe('curated');
  });
});

describe('APY computed from the rate on the card', () => {
  const steth = getToken('steth')!;
  function rateApy(id: string, apyPct: number): { t: ReturnType<typeof getToken> & object; e: Entries } {
    const t = getToken(id)!;
    const e: Entries = {};
    const src = chainSource('eip155:1', t.rateSource!.contract, t.rateSource!.function, 1n, at);
    putOk(e, key.rateApy(t.id), { apyPct, days: 8, basis: 'computed from the on-chain rate over 8 days', from: { t: 0, rate: 1 }, to: { t: 1, rate: 1.001 } }, src, at);
    putOk(e, key.yield(steth.defillama!.poolIds[0]!), { apyPct: 2.8, apyBasePct: 2.8, pointAt: at, history: [] }, apiSource('https://yields.llama.fi/chart/x', 'x', at), at);
    return { t, e };
  }
  const shown = (id: string, apy: number) => {
    const { t, e } = rateApy(id, apy);
    return toCardView(t, REGISTRY_VERSION, NOW, { live: tokenLive(t, e, NOW, steth), offline: false });
  };
  test('a rate in ETH: the whole yield, split into plain staking and premium', () => {
    const c = shown('rseth', 3.1);
    expect(c.live.facts.find((f) => f.id === 'apy-rate')!.text).toBe('3.10%: 2.80% plain ETH staking + 0.30% restaking premium (computed from the on-chain rate over 8 days)');
    expect(c.yield.split).toMatchObject({ totalApyPct: 3.1, baseApyPct: 2.8 });
  });
  test('a rate in wstETH grows by what comes on top of wstETH: said so, no split', () => {
    const c = shown('pzeth', 0.4);
    expect(c.live.facts.find((f) => f.id === 'apy-rate')!.text).toBe("0.40% in wstETH terms, on top of wstETH's own staking yield (computed from the on-chain rate over 8 days)");
    expect(c.yield.split).toBeNull();
  });
  test('a BTC token: the APY, no split', () => {
    const c = shown('lbtc', 1.2);
    expect(c.live.facts.find((f) => f.id === 'apy-rate')!.text).toBe('1.20% (computed from the on-chain rate over 8 days)');
    expect(c.yield.split).toBeNull();
  });
});

describe('APY computed from the rate in list rows', () => {
  test('a rate in ETH gives the row its APY; a rate in wstETH does not', async () => {
    const { toRowView } = await import('../../../../lib/views/build');
    const row = (id: string) => {
      const t = getToken(id)!;
      const e: Entries = {};
      putOk(e, key.rateApy(t.id), { apyPct: 3.1, days: 8, basis: 'computed from the on-chain rate over 8 days', from: { t: 0, rate: 1 }, to: { t: 1, rate: 1.001 } }, chainSource('eip155:1', t.rateSource!.contract, t.rateSource!.function, 1n, at), at);
      return toRowView(t, NOW, { live: tokenLive(t, e, NOW), offline: false });
    };
    expect(row('pufeth').apy).toMatchObject({ pct: 3.1, fresh: true });
    expect(row('pzeth').apy).toBeNull();
  });
});
