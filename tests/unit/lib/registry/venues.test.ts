// Every exit venue in the registry against what can be checked offline: a Uniswap v3 pool address is recomputed
// with Uniswap's own CREATE2 derivation (v3-periphery PoolAddress.sol), a Balancer pool id starts with the pool's
// address, and every venue pays out a base asset of the token's denomination with that asset's decimals.
import { describe, expect, test } from 'vitest';
import { encodeAbiParameters, getCreate2Address, keccak256, type Address } from 'viem';
import { TOKENS } from '../../../../lib/registry';
import { EXIT_ASSETS, denominationOf, quotableOn } from '../../../../lib/sources/exit';

const FACTORY = '0x1F98431c8aD98523631AE4a59f267346ea31F984';
const POOL_INIT_CODE_HASH = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54';

function uniswapPool(a: Address, b: Address, fee: number): Address {
  const [t0, t1] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];
  const salt = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [t0, t1, fee]));
  return getCreate2Address({ from: FACTORY, salt, bytecodeHash: POOL_INIT_CODE_HASH });
}

const venues = TOKENS.flatMap((t) => t.exitVenues.map((v) => ({ t, v })));

describe('registry exit venues', () => {
  test('the derivation reproduces the known wstETH/WETH 0.01% pool', () => {
    expect(uniswapPool('0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0', '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', 100)).toBe('0x109830a1AAaD605BbF02a9dFA7B0B92EC2FB7dAa');
  });

  test.each(venues.filter(({ v }) => v.quote?.kind === 'uniswap-v3').map(({ t, v }) => [t.id, v.pair, t, v] as const))('%s %s: the pool address is the pair and fee tier', (_id, _pair, t, v) => {
    const q = v.quote!;
    if (q.kind !== 'uniswap-v3') throw new Error('not uniswap');
    expect(uniswapPool(t.deployments[0]!.address as Address, q.tokenOut as Address, q.fee)).toBe(v.address);
  });

  test.each(venues.filter(({ v }) => v.quote?.kind === 'balancer').map(({ t, v }) => [t.id, v.pair, v] as const))('%s %s: the pool id starts with the pool address', (_id, _pair, v) => {
    const q = v.quote!;
    if (q.kind !== 'balancer') throw new Error('not balancer');
    expect(q.poolId.slice(0, 42).toLowerCase()).toBe(v.address.toLowerCase());
  });

  test.each(venues.map(({ t, v }) => [t.id, v.pair, t, v] as const))('%s %s pays out a base asset with its decimals', (_id, _pair, t, v) => {
    const out = EXIT_ASSETS[denominationOf(t)].find((a) => a.address.toLowerCase() === v.quote!.tokenOut.toLowerCase());
    expect(out, `${v.quote!.tokenOut} is not a ${denominationOf(t)} exit`).toBeDefined();
    expect(v.quote!.outDecimals).toBe(out!.decimals);
  });

  test('the tokens with a mainnet market are quotable (pumpBTC and weETHs wait for their decimals)', () => {
    expect(quotableOn(TOKENS, 'eip155:1').map((t) => t.id).sort()).toEqual(['ebtc', 'ezeth', 'lbtc', 'pufeth', 'pzeth', 'rseth', 'rsweth', 'unibtc', 'weeth']);
    expect(venues.some(({ t }) => t.id === 'pumpbtc')).toBe(true);
    expect(venues.some(({ t }) => t.id === 'weeths')).toBe(true);
  });

  test('BTC tokens quote in BTC sizes', () => {
    expect(['lbtc', 'unibtc', 'pumpbtc'].map((id) => denominationOf(TOKENS.find((t) => t.id === id)!))).toEqual(['BTC', 'BTC', 'BTC']);
    expect(denominationOf(TOKENS.find((t) => t.id === 'ezeth')!)).toBe('ETH');
  });
});
