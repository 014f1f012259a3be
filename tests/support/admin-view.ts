// A hand-made AdminLiveView for the section's render tests: one contract behind a ProxyAdmin, a 10-day timelock and a
// Safe, each hop with its chain read; a pauser, a curated bypass, a change and a line not read.
import type { AdminLiveView } from '../../lib/views/schema';

export const AT = '2026-12-01T12:00:00.000Z';
const src = (contract: string, fn: string) => ({ kind: 'chain' as const, chain: 'eip155:1', contract, function: fn, block: '21000000', at: AT });
const TOKEN = '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7';
const PA = '0xb61e0E39b6d4030C36A176f576aaBE44BF59Dc78';
const TL = '0x49bD9989E31aD35B0A62c20BE86335196A3135B1';
const SAFE = '0x00000000000000000000000000000000000ad101';

export const ADMIN_VIEW: AdminLiveView = {
  state: 'read',
  sentence: 'Fastest known way to change rsETH: rsETH can be upgraded or re-pointed by a 6-of-8 Safe with 10 days (timelock tier 1).',
  okAt: AT,
  fresh: true,
  failing: null,
  chain: 'eip155:1',
  block: '21000000',
  verified: true,
  contracts: [
    {
      label: 'rsETH',
      address: TOKEN,
      verified: true,
      weakest: true,
      note: null,
      paths: [
        {
          hops: [
            { from: TOKEN, role: 'proxy admin (EIP-1967 admin slot)', to: PA, delay: null, sources: [src(TOKEN, 'eth_getStorageAt(admin slot)')] },
            { from: PA, role: 'owner()', to: TL, delay: null, sources: [src(PA, 'owner()')] },
            { from: TL, role: 'timelock proposer', to: SAFE, delay: '10 days', sources: [src(TL, 'getRoleMember(PROPOSER_ROLE,0)')] },
          ],
          holder: `a 6-of-8 Safe (${SAFE})`,
          delay: '10 days',
          tier: 1,
          resolved: true,
        },
        { hops: [], holder: 'a controller whose kind is not readable: not read', delay: 'no delay', tier: 4, resolved: false },
      ],
      morePaths: 0,
    },
    { label: 'LRTOracle', address: '0x349A73444b1a310BAe67ef67973022020d70020d', verified: true, weakest: false, note: 'no code at this address on chain', paths: [], morePaths: 0 },
  ],
  bypasses: [{ target: 'rsETH price oracles', what: 'The LRT manager role can change oracles', holder: 'a controller whose kind is not readable', delay: 'no delay', verified: false, sources: [{ kind: 'doc', url: 'https://llamarisk.com/research/collateral-risk-rseth', title: 'LlamaRisk' }] }],
  pausers: [{ target: 'the protocol', what: 'an EOA can pause', holder: 'a single key', delay: 'no delay', verified: false, sources: [], level: 'warning' }],
  changes: [{ text: `shorter delay on ${TL}: 10 days → 9 days (weakens control)`, seenAt: AT, weakens: true, sources: [src(TL, 'getMinDelay()')] }],
  notRead: ['LRTOracle (0x349A73444b1a310BAe67ef67973022020d70020d): no code at this address on chain'],
  moreNotRead: 0,
};
