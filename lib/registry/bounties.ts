// Runs in: background, build, tests. Bug bounties per issuer, as the programme pages state them. `status` says
// what was found: an active programme with its maximum, a programme that has ended (a time-boxed Immunefi Boost
// is not a standing bounty), or none found in the sources checked, which Code security must show as grey, never
// as a warning. A figure seen only on a third-party mirror of a programme page is kept `verified: false`.
import { z } from '../zod';
import { page, repoFile } from './sources';
import { SourceRef } from './schema';

export const BountyStatus = z.enum(['active', 'ended', 'not-found']);

export const IssuerBounty = z
  .object({
    /** The registry's `issuer` string, exactly. */
    issuer: z.string().check(z.minLength(1)),
    status: BountyStatus,
    platform: z.nullable(z.enum(['Immunefi', 'Cantina', 'own'])),
    /** Largest payout for a critical smart-contract bug, in USD; null when the page gives none. */
    maxUsd: z.nullable(z.int().check(z.gt(0))),
    /** What the programme covers, in the page's terms; null when not stated. */
    scope: z.nullable(z.string().check(z.minLength(1))),
    /** The page's own "live since" date, when it gives one. */
    liveSince: z.nullable(z.iso.date()),
    /** The date the cited page says it was last updated (or the date it was read): the figure is as of then. */
    asOf: z.nullable(z.iso.date()),
    verified: z.boolean(),
    notes: z.array(z.string()),
    sources: z.array(SourceRef),
  })
  .check(
    z.superRefine((b, ctx) => {
      if (b.status !== 'not-found' && b.sources.length === 0) ctx.addIssue({ code: 'custom', message: `${b.issuer}: a found bounty needs a source` });
      if (b.status === 'not-found' && (b.maxUsd !== null || b.platform !== null)) ctx.addIssue({ code: 'custom', message: `${b.issuer}: nothing found means no platform and no figure` });
      if (b.status === 'active' && b.verified && b.asOf === null) ctx.addIssue({ code: 'custom', message: `${b.issuer}: a verified bounty needs the date its figure is as of` });
    }),
  );
export type IssuerBounty = z.infer<typeof IssuerBounty>;

const notFound = (issuer: string, checked: string): IssuerBounty => ({
  issuer,
  status: 'not-found',
  platform: null,
  maxUsd: null,
  scope: null,
  liveSince: null,
  asOf: null,
  verified: false,
  notes: [`No bug bounty found in the sources checked (${checked}); not finding one is no proof there is none.`],
  sources: [],
});

const RAW: IssuerBounty[] = [
  {
    issuer: 'Renzo',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: 500_000,
    scope: 'Smart contracts (critical: 10% of funds affected, USD 100,000 to 500,000) and websites/applications (critical up to USD 25,000).',
    liveSince: '2023-12-14',
    asOf: '2024-11-11',
    verified: true,
    notes: [],
    sources: [page('immunefi-renzo', 'Immunefi: Renzo Protocol bug bounty (last updated 2024-11-11)', 'https://immunefi.com/bug-bounty/renzoprotocol/information')],
  },
  {
    issuer: 'Kelp DAO',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: 250_000,
    scope: 'Smart contracts (critical USD 100,000 to 250,000) and websites/applications.',
    liveSince: '2024-08-02',
    asOf: '2024-09-11',
    verified: true,
    notes: ['defirisk.co (mETH page, RD-F-183) says Kelp’s OFT adapter was excluded from bounty scope: unverified here, the scope table was not read.'],
    sources: [page('immunefi-kelp', 'Immunefi: Kelp DAO bug bounty (last updated 2024-09-11)', 'https://immunefi.com/bug-bounty/kelp-dao/information/')],
  },
  {
    issuer: 'Lombard Finance',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: 250_000,
    scope: 'Core smart contracts on Ethereum (LBTC token, Consortium governance, proxy-upgrade timelock and more on the Immunefi page) and web applications.',
    liveSince: '2024-09-04',
    asOf: '2024-09-23',
    verified: true,
    notes: [],
    sources: [
      page('immunefi-lombard', 'Immunefi: Lombard Finance bug bounty (last updated 2024-09-23)', 'https://immunefi.com/bug-bounty/lombard-finance/information/'),
      page('lombard-bounty-docs', 'Lombard docs: bug bounty program', 'https://docs.lombard.finance/learn/lombard-security-model/bug-bounty-program'),
    ],
  },
  {
    issuer: 'Swell',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: 250_000,
    scope: 'Smart contracts (critical: 10% of funds at risk, USD 50,000 to 250,000) and websites/applications.',
    liveSince: '2023-04-27',
    asOf: '2024-11-18',
    verified: true,
    notes: [],
    sources: [
      page('immunefi-swell', 'Immunefi: Swell bug bounty (last updated 2024-11-18)', 'https://immunefi.com/bounty/swell'),
      repoFile('swell-bug-bounty', 'SwellNetwork/v3-core-public', 'ba1eeff12ab994a26492fa5dcd0aa8937733dbb4', 'bug-bounty.md', 'Swell v3-core-public bug-bounty.md: critical up to USD 250,000 (Immunefi)'),
    ],
  },
  {
    issuer: 'Lido',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: 2_000_000,
    scope: 'Smart contracts (critical loss of user funds USD 100,000 to 2,000,000) and web applications.',
    liveSince: '2021-05-22',
    asOf: '2025-06-24',
    verified: true,
    notes: [],
    sources: [page('immunefi-lido', 'Immunefi: Lido bug bounty (last updated 2025-06-24)', 'https://immunefi.com/bug-bounty/lido')],
  },
  {
    issuer: 'Stader Labs',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: 1_000_000,
    scope: 'Stader for ETH smart contracts (critical USD 100,000 to 1,000,000).',
    liveSince: '2023-07-08',
    asOf: '2023-10-05',
    verified: true,
    notes: [],
    sources: [page('immunefi-stader-eth', 'Immunefi: Stader for ETH bug bounty (last updated 2023-10-05)', 'https://immunefi.com/bug-bounty/staderforeth/')],
  },
  {
    issuer: 'Mantle (mETH Protocol)',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: 500_000,
    scope: 'Mantle LSP: mETH token (L1 and L2), Staking, UnstakeRequestsManager, Oracle, OracleQuorumManager, ReturnsAggregator, the two receivers and Pauser. cmETH contracts are not listed.',
    liveSince: '2023-11-28',
    asOf: '2024-11-10',
    verified: true,
    notes: ['The cmETH BoringVault and its LayerZero adapter are not in the listed scope (defirisk.co RD-F-183 says the same): for cmETH the bounty covers only the mETH underneath.'],
    sources: [
      page('immunefi-mantle-lsp', 'Immunefi: Mantle LSP bug bounty, scope (last updated 2024-11-10)', 'https://immunefi.com/bug-bounty/mantlelsp/scope'),
      page('defirisk-meth', 'defirisk.co: mETH Protocol factors (RD-F-183 bounty scope gap)', 'https://www.defirisk.co/protocols/meth-protocol/'),
    ],
  },
  {
    issuer: 'Jito',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: 250_000,
    scope: 'The Jito Foundation programme: blockchain/DLT (Jito-Solana) and smart contracts, critical USD 100,000 to 250,000, paid in JTO. Which restaking programs are in scope was not read.',
    liveSince: '2024-08-28',
    asOf: '2024-11-13',
    verified: true,
    notes: ['A separate Jito Restaking audit competition (USD 150,000 pool) ran 2024-11-04 to 2024-12-02; it is not a standing bounty.'],
    sources: [
      page('immunefi-jito', 'Immunefi: Jito bug bounty (last updated 2024-11-13)', 'https://immunefi.com/bounty/jito'),
      page('immunefi-jito-restaking-comp', 'Immunefi: Jito Restaking audit competition (2024-11-04 to 2024-12-02)', 'https://immunefi.com/bounty/jito-restaking-audit-competition'),
    ],
  },
  {
    issuer: 'ether.fi',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: 300_000,
    scope: 'Smart contracts (critical: 10% of funds affected, USD 10,000 to 300,000) and websites/applications, as mirrored.',
    liveSince: null,
    asOf: null,
    verified: false,
    notes: ['Read only from ooosec.com’s mirror of ether.fi’s Immunefi programme, not from Immunefi or ether.fi: UNVERIFIED.'],
    sources: [page('ooosec-etherfi', 'ooosec.com: ether.fi bug bounty (third-party mirror of the Immunefi programme)', 'https://ooosec.com/programs/etherfi')],
  },
  {
    issuer: 'Puffer Finance',
    status: 'ended',
    platform: 'Immunefi',
    maxUsd: 200_000,
    scope: 'Immunefi Boost (time-boxed): TimeLock, PufferDepositor and PufferVault, 2024-02-22 to 2024-03-07.',
    liveSince: '2024-02-22',
    asOf: '2024-03-07',
    verified: true,
    notes: ['No standing bug bounty found; the only programme found was a two-week Boost that has ended. LlamaRisk’s pufETH assessment also noted no continuous bounty.'],
    sources: [page('immunefi-puffer-boost', 'Immunefi: Boost | Puffer Finance (finished 2024-03-07)', 'https://immunefi.com/boost/pufferfinance-boost/information')],
  },
  {
    issuer: 'Eigenpie',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: null,
    scope: 'Magpie’s (Eigenpie’s parent) Immunefi programme: critical capped at 10% of economic damage with a USD 50,000 minimum; the maximum and whether Eigenpie’s contracts are in scope are not stated on the page read.',
    liveSince: null,
    asOf: null,
    verified: false,
    notes: ['Found on Magpie’s documentation, not on Immunefi; Eigenpie coverage not confirmed.'],
    sources: [page('magpie-bounty', 'Magpie docs: Immunefi bug bounty', 'https://docs.magpiexyz.io/security/immunefi-bug-bounty')],
  },
  {
    issuer: 'Karak Network',
    status: 'active',
    platform: 'own',
    maxUsd: null,
    scope: 'Own programme by e-mail (security@karak.network) for deployed Karak contracts; rewards by severity at Karak’s discretion, no maximum stated.',
    liveSince: null,
    asOf: '2024-05-26',
    verified: false,
    notes: ['Only a third-party post restating the programme was found: UNVERIFIED.'],
    sources: [page('karak-bounty-post', 'paragraph.com: Karak Network bug bounty program (third-party post, 2024-05-26)', 'https://paragraph.com/@oktydrn/karak-network-bug-bounty-program.md')],
  },
  {
    issuer: 'Solv Protocol',
    status: 'active',
    platform: 'Immunefi',
    maxUsd: 50_000,
    scope: 'The 2021 programme for Solv’s Financial NFT (voucher) contracts; it predates SolvBTC and xSolvBTC, whose coverage is not confirmed.',
    liveSince: '2021-10-19',
    asOf: '2021-10-20',
    verified: false,
    notes: ['A 2021 scope is no evidence that SolvBTC is covered; treat as not found for xSolvBTC until a current page says otherwise.'],
    sources: [page('immunefi-solv', 'Immunefi: Solv Protocol bug bounty (2021)', 'https://immunefi.com/bounty/solvprotocol/')],
  },
  notFound('Bedrock', 'Immunefi and web pages searched for Bedrock, uniBTC, uniETH'),
  notFound('InceptionLRT', 'Immunefi and web pages searched for InceptionLRT, Genesis'),
  notFound('Mellow Protocol', 'Immunefi, Cantina and web pages searched for Mellow'),
  notFound('Fragmetric', 'web pages searched for Fragmetric'),
  notFound('Kyros', 'web pages searched for Kyros, kySOL'),
  notFound('PumpBTC', 'Immunefi and web pages searched for PumpBTC'),
];

export const BOUNTIES: readonly IssuerBounty[] = RAW.map((b) => IssuerBounty.parse(b));

export function bountyFor(issuer: string): IssuerBounty | null {
  return BOUNTIES.find((b) => b.issuer === issuer) ?? null;
}
