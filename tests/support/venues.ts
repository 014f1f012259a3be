// Places a local venue at every mainnet exit venue the registry names, and the withdrawal contracts the redemption
// reader calls, on a running anvil: for suites (e2e, whole-registry) that need every token's exit quoted. Each venue
// gets constant-product reserves of `depth` whole tokens on both sides, in the registry's coin order.
import { parseUnits, type Address } from 'viem';
import type { TokenProfile } from '../../lib/registry/schema';
import { chainClients, placeContract, placeProtocolMocks, placeWithdrawals, setBalancerPool, setCurvePool, setEthBalance, setFluidPool, setQuoterPool, setWithdrawals } from './chain.ts';

const ETH_KEY: Address = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';

/** Depth per token id in whole tokens (default 20,000 for ETH tokens' venues, 500 for BTC tokens'). */
export async function placeExitVenues(url: string, tokens: readonly TokenProfile[], depth: Record<string, number> = {}): Promise<void> {
  await placeProtocolMocks(url);
  for (const t of tokens) {
    const dep = t.deployments[0]!;
    if (dep.chain !== 'eip155:1' || dep.decimals === null) continue;
    const token = dep.address as Address;
    for (const v of t.exitVenues) {
      if (v.chain !== 'eip155:1' || !v.quote) continue;
      const out = v.quote.tokenOut as Address;
      const d = depth[t.id] ?? (v.quote.outDecimals === 8 ? 500 : 20_000);
      const rIn = parseUnits(String(d), dep.decimals);
      const rOut = parseUnits(String(d), v.quote.outDecimals);
      switch (v.quote.kind) {
        case 'curve':
          await placeContract(url, v.address as Address, 'CurvePoolMock');
          await setCurvePool(url, v.address as Address, { coins: [token, out], balances: [rIn, rOut] }, false);
          break;
        case 'uniswap-v3':
          await setQuoterPool(url, { tokenIn: token, tokenOut: out, fee: v.quote.fee, reserveIn: rIn, reserveOut: rOut });
          break;
        case 'balancer':
          await setBalancerPool(url, { poolId: v.quote.poolId as `0x${string}`, tokens: [token, out], balances: [rIn, rOut] });
          break;
        case 'fluid-dex':
          await setFluidPool(url, { dex: v.address as Address, tokens: [token, out], reserves: [rIn, rOut] });
          break;
      }
    }
  }
}

export interface RedemptionState {
  /** ether.fi: pending request amounts (ETH) after request id 1, and instant capacity. */
  etherfi?: { pending: number[]; instantEth: number; paused?: boolean };
  kelp?: { delayDays: number; requests: number; aheadEth: number; paused?: boolean };
  puffer?: { liquidEth: number; exitFeeBps: number };
}

/** Places the withdrawal contracts of lib/sources/redemption.ts at their mainnet addresses with the given state. */
export async function placeRedemptionPaths(url: string, s: RedemptionState): Promise<void> {
  const NFT: Address = '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c';
  const RM: Address = '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0';
  const KELP: Address = '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16';
  const PUFFER: Address = '0xD9A442856C234a39a81a089C06451EBAa4306a72';
  const WETH: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
  const wei = (eth: number) => parseUnits(String(eth), 18);
  if (s.etherfi) {
    await placeWithdrawals(url, NFT);
    await placeWithdrawals(url, RM);
    const n = s.etherfi.pending.length;
    await setWithdrawals(url, NFT, 'setRequests', [2 + n, 1]);
    for (let i = 0; i < n; i++) await setWithdrawals(url, NFT, 'setRequest', [BigInt(2 + i), wei(s.etherfi.pending[i]!)]);
    await setWithdrawals(url, NFT, 'setPaused', [s.etherfi.paused ?? false, 0n]);
    await setWithdrawals(url, RM, 'setRedeemable', [ETH_KEY, wei(s.etherfi.instantEth)]);
  }
  if (s.kelp) {
    await placeWithdrawals(url, KELP);
    await setWithdrawals(url, KELP, 'setKelpQueue', [ETH_KEY, BigInt(Math.round((s.kelp.delayDays * 86_400) / 12)), BigInt(s.kelp.requests), 0n, wei(s.kelp.aheadEth)]);
    await setWithdrawals(url, KELP, 'setPaused', [s.kelp.paused ?? false, 0n]);
  }
  if (s.puffer) {
    // The vault is also pufETH's token and rate source: when a suite has placed LrtMock there, the exit fee is left
    // unread (the reader then shows it as unknown) rather than the rate replaced.
    const vaultFree = (await chainClients(url).test.getCode({ address: PUFFER })) === undefined;
    if (vaultFree) {
      await placeWithdrawals(url, PUFFER);
      await setWithdrawals(url, PUFFER, 'setExitFee', [BigInt(s.puffer.exitFeeBps)]);
    }
    await placeWithdrawals(url, WETH);
    await setWithdrawals(url, WETH, 'setBalance', [PUFFER, wei(s.puffer.liquidEth)]);
    await setEthBalance(url, PUFFER, 0n);
  }
}
