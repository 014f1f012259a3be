// Regression: a price or chart entry's source is the batched DefiLlama URL it came from, which names every coin of
// the registry. The store must read back what it wrote; with a 600-character cap every price and chart entry was
// dropped as "damaged" on the next read.
import { expect, test } from 'vitest';
import { TOKENS } from '../../lib/registry';
import { marketCoin, unitCoin } from '../../lib/live/keys';
import { COINS_PER_REQUEST } from '../../lib/sources/llama';
import { parseEntries, putOk, type Entries } from '../../lib/live/store';

test('an entry whose source is a full batched prices URL survives a write and a read', () => {
  const coins = [...new Set(TOKENS.flatMap((t) => [marketCoin(t), unitCoin(t)].filter((c): c is string => c !== null)))].slice(0, COINS_PER_REQUEST);
  const url = `https://coins.llama.fi/prices/current/${coins.map(encodeURIComponent).join(',')}?searchWidth=4h`;
  expect(url.length).toBeGreaterThan(600);
  const entries: Entries = {};
  putOk(entries, `price:${coins[0]}`, { usd: 3000, priceAt: '2026-11-20T00:00:00.000Z' }, url, '2026-11-20T00:00:00.000Z');
  const back = parseEntries(JSON.parse(JSON.stringify(entries)));
  expect(back.damaged).toEqual([]);
  expect(back.entries[`price:${coins[0]}`]?.source).toBe(url);
});
