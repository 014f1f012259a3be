// Runs in: build, background, tests. What each restaking layer means for a holder: withdrawal delays, whether
// and since when slashing is live, and how stake is allocated. Facts from ../shared/research (2026-11), each
// with its sources; unconfirmed ones are marked unverified.
import { z } from '../zod';
import { DLA_COMMIT, EIGENLAYER_DELAY, EIGENLAYER_SLASHING, page, repoFile } from './sources';
import { Fact, Layer, SourceRef } from './schema';


export const LayerProfile = z
  .object({
    id: Layer,
    withdrawal: Fact,
    slashing: z.extend(Fact, { liveSince: z.nullable(z.iso.date()) }),
    allocation: Fact,
    sources: z.array(SourceRef).check(z.minLength(1)),
    reviewedAt: z.iso.date(),
  })
  .check(
    z.superRefine((l, ctx) => {
      const known = new Set(l.sources.map((s) => s.id));
      for (const id of [...l.withdrawal.sources, ...l.slashing.sources, ...l.allocation.sources]) {
        if (!known.has(id)) ctx.addIssue({ code: 'custom', message: `${l.id}: cites unknown source "${id}"` });
      }
    }),
  );
export type LayerProfile = z.infer<typeof LayerProfile>;

const EIGEN = 'f84a5151080cdf0b77b9b6e46506cde723d06c28';
const KARAK = 'e731d4e047f0802a271840278fc98a2d5e71c49f';

const data: z.input<typeof LayerProfile>[] = [
  {
    id: 'EigenLayer',
    withdrawal: {
      text: 'Queued withdrawals wait 100,800 blocks (about 14 days) on mainnet and stay slashable while they wait.',
      verified: true,
      sources: ['eigen-mainnet-config'],
    },
    slashing: {
      text: 'Live on mainnet since 2025-04-17 for operators that opt in to operator sets. Redistributing operator sets can send slashed funds to a recipient instead of burning them.',
      liveSince: '2025-04-17',
      verified: true,
      sources: ['eigen-slashing', 'eigen-allocation'],
    },
    allocation: {
      text: 'Operators allocate a fraction (“magnitude”) of each strategy’s stake to each operator set; only that unique stake can be slashed by that set. Deallocation takes about 14 days, changing the allocation delay about 17.5 days.',
      verified: true,
      sources: ['eigen-allocation'],
    },
    sources: [
      EIGENLAYER_DELAY,
      EIGENLAYER_SLASHING,
      repoFile('eigen-allocation', 'Layr-Labs/eigenlayer-contracts', EIGEN, 'docs/core/AllocationManager.md'),
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'Symbiotic',
    withdrawal: {
      text: 'Vault withdrawals are epoch-based: they complete one to two epochs after the request and stay slashable until then. Mellow’s vaults use 7-day epochs with a 3-day veto window.',
      verified: true,
      sources: ['mellow-migration'],
    },
    slashing: {
      text: 'Each vault chooses its slasher: an instant slasher, or a veto slasher where a resolver can cancel a request within the veto window. When slashing went live for each vault is not confirmed here.',
      liveSince: null,
      verified: false,
      sources: ['mellow-migration', 'dla-symbiotic'],
    },
    allocation: {
      text: 'A vault’s delegator sets how its stake is shared between networks and operators (network-restake, full-restake or operator-specific delegators).',
      verified: false,
      sources: ['dla-symbiotic'],
    },
    sources: [
      repoFile('mellow-migration', 'mellow-finance/simple-lrt', 'a185256422179271c32be703311097480151cf1f', 'scripts/mainnet/MigrationContracts.s.sol'),
      repoFile('dla-symbiotic', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/symbiotic/index.js'),
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'Karak',
    withdrawal: {
      text: 'Withdrawals are queued with a configurable delay of at most 30 days; the value in force was not read.',
      verified: false,
      sources: ['karak-constants', 'karak-withdraw'],
    },
    slashing: {
      text: 'A secured service (DSS) requests slashing and a veto committee can cancel it within a veto window; up to 100% of a vault can be slashed. Whether slashing is live is not confirmed here.',
      liveSince: null,
      verified: false,
      sources: ['karak-constants'],
    },
    allocation: {
      text: 'Each deposited asset has its own ERC-4626 vault; operators assign vaults to the services they secure. Vaults accept LRTs (ezETH, weETH, rswETH) too, so exposure can be layered.',
      verified: true,
      sources: ['karak-vault-data'],
    },
    sources: [
      repoFile('karak-constants', 'karak-network/v1-contracts-public', KARAK, 'src/interfaces/Constants.sol'),
      repoFile('karak-withdraw', 'karak-network/v1-contracts-public', KARAK, 'src/entities/Withdraw.sol'),
      repoFile('karak-vault-data', 'karak-network/v1-contracts-public', KARAK, 'script/VaultData/ethereum_mainnet_data.json'),
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'Babylon',
    withdrawal: {
      text: 'Staked BTC stays in a self-custodial Bitcoin timelock script; unbonding takes about 21 days per a secondary source.',
      verified: false,
      sources: ['babylon-llms', 'babylon-staking-script'],
    },
    slashing: {
      text: 'A finality provider that double-signs leaks its key, which lets a pre-signed slashing transaction take part of the delegated BTC; a covenant committee co-signs. Babylon Genesis mainnet launched in April 2025.',
      liveSince: null,
      verified: false,
      sources: ['babylon-staking-script', 'babylon-chain-registry'],
    },
    allocation: {
      text: 'BTC is delegated to finality providers; Babylon issues no liquid token itself (LBTC, xSolvBTC, pumpBTC and uniBTC are third-party wrappers).',
      verified: true,
      sources: ['babylon-chain-registry', 'dla-babylon'],
    },
    sources: [
      page('babylon-staking-script', 'Babylon: Bitcoin staking script', 'https://raw.githubusercontent.com/babylonlabs-io/babylon/main/docs/staking-script.md'),
      page('babylon-chain-registry', 'Cosmos chain registry: Babylon', 'https://raw.githubusercontent.com/cosmos/chain-registry/master/babylon/chain.json'),
      page('babylon-llms', 'Babylon Labs summary (secondary)', 'https://raw.githubusercontent.com/api-evangelist/babylon-labs/refs/heads/main/llms/babylon-labs-llms.txt'),
      repoFile('dla-babylon', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/babylon', 'DefiLlama adapter: Babylon'),
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'Jito Restaking',
    withdrawal: {
      text: 'Vault withdrawals wait a two-epoch cooldown (about 4–5 days) and pay a 0.1% withdrawal fee plus a 0.1% program fee.',
      verified: false,
      sources: ['jito-withdrawal-guide'],
    },
    slashing: {
      text: 'Slashing is capped per epoch by vault–NCN–operator tickets; Jito lists slashing as the last of three deployment phases, so whether it is live is not confirmed here.',
      liveSince: null,
      verified: false,
      sources: ['jito-slashing'],
    },
    allocation: {
      text: 'Vaults mint vault receipt tokens (VRTs) and delegate to operators that opt in to node consensus networks (NCNs), the Solana analogue of AVSs.',
      verified: true,
      sources: ['dla-jito-restaking'],
    },
    sources: [
      page('jito-withdrawal-guide', 'Jito: restaking withdrawal guide', 'https://go.jito.network/docs/jitosol/user-guides/restaking/restaking-withdrawal-guide'),
      page('jito-slashing', 'Jito restaking: slashing mechanism (DeepWiki, secondary)', 'https://deepwiki.com/jito-foundation/restaking/3.3-slashing-mechanism'),
      repoFile('dla-jito-restaking', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/jito-restaking/index.js'),
    ],
    reviewedAt: '2026-11-20',
  },
];

export const LAYERS: readonly LayerProfile[] = data.map((l) => LayerProfile.parse(l));
