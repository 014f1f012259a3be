// Runs in: build (wxt.config), background, tests. The zod schema is the source of truth for the registry;
// TypeScript types are inferred from it.
import { z } from 'zod';
import { isAddress, getAddress } from 'viem';

// zod v4 probes `new Function` for its JIT; extension CSPs forbid eval and web-ext lint flags it.
z.config({ jitless: true });

/** CAIP-2 chain ids: `eip155:<chainId>` or `solana:<genesis-hash prefix>`. */
export const ChainId = z
  .string()
  .regex(/^(eip155:[1-9]\d*|solana:[1-9A-HJ-NP-Za-km-z]{32})$/, 'not a CAIP-2 chain id');

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

export const SourceRef = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  url: z.url({ protocol: /^https$/ }),
});

/** A curated statement with the sources that support it. `verified: false` = shown as UNVERIFIED. */
export const Fact = z.object({
  text: z.string().min(1),
  verified: z.boolean(),
  sources: z.array(z.string()).min(1),
});

export const Deployment = z
  .object({
    chain: ChainId,
    address: z.string(),
    decimals: z.number().int().min(0).max(36).nullable(),
    /** What this contract is on that chain when not the canonical token (e.g. "LayerZero OFT"). */
    kind: z.string().optional(),
    verified: z.boolean(),
    sources: z.array(z.string()).min(1),
  })
  .superRefine((d, ctx) => {
    if (d.chain.startsWith('eip155:')) {
      if (!isAddress(d.address, { strict: false }) || getAddress(d.address) !== d.address) {
        ctx.addIssue({ code: 'custom', message: `EVM address must be valid and checksummed: ${d.address}` });
      }
    } else if (!BASE58.test(d.address)) {
      ctx.addIssue({ code: 'custom', message: `Solana mint must be base58: ${d.address}` });
    }
  });

export const Audit = z.object({
  firm: z.string().min(1),
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the source gives no date. */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  scope: z.string().min(1),
  verified: z.boolean(),
  sources: z.array(z.string()).min(1),
});

export const Incident = z.object({
  date: z.iso.date(),
  summary: z.string().min(1),
  sources: z.array(z.string()).min(1),
});

export const Category = z.enum(['lrt', 'btc-lrt', 'sol-lrt', 'restaking-vault', 'lst']);
export const Layer = z.enum(['EigenLayer', 'Symbiotic', 'Karak', 'Babylon', 'Jito Restaking']);

export const TokenProfile = z
  .object({
    /** Stable registry id: the value of `data-lrt-token`. Never reuse or rename one. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    symbol: z.string().min(2).max(24),
    aliases: z.array(z.string().min(2).max(32)),
    name: z.string().min(1),
    issuer: z.string().min(1),
    category: Category,
    deployments: z.array(Deployment).min(1),
    model: z.object({ kind: z.enum(['rebasing', 'value-accruing']), rate: Fact }),
    underlying: z.array(z.string().min(1)).min(1),
    layers: z.array(Layer),
    slashing: Fact,
    withdrawal: Fact,
    liquidity: Fact,
    audits: z.array(Audit),
    incidents: z.array(Incident),
    defillama: z.object({ slug: z.string().min(1), verified: z.boolean() }).nullable(),
    sources: z.array(SourceRef).min(1),
    reviewedAt: z.iso.date(),
  })
  .superRefine((t, ctx) => {
    // Every fact must cite a source that the profile lists.
    const known = new Set(t.sources.map((s) => s.id));
    const cited = [
      ...t.deployments.flatMap((d) => d.sources),
      ...t.model.rate.sources,
      ...t.slashing.sources,
      ...t.withdrawal.sources,
      ...t.liquidity.sources,
      ...t.audits.flatMap((a) => a.sources),
      ...t.incidents.flatMap((i) => i.sources),
    ];
    for (const id of cited) {
      if (!known.has(id)) ctx.addIssue({ code: 'custom', message: `${t.id}: cites unknown source "${id}"` });
    }
  });

export type SourceRef = z.infer<typeof SourceRef>;
export type Fact = z.infer<typeof Fact>;
export type Deployment = z.infer<typeof Deployment>;
export type Audit = z.infer<typeof Audit>;
export type TokenProfile = z.infer<typeof TokenProfile>;
export type TokenProfileInput = z.input<typeof TokenProfile>;
export type Category = z.infer<typeof Category>;
