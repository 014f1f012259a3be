// Runs in: background, tests. The cache's value shapes for the backing jobs (lib/live/backing-jobs.ts): a token's
// asset mix as lib/sources/backing.ts reads it, and its LayerZero routes as lib/sources/bridges.ts reads them, every
// figure with the call it came from. Bounds are the readers' own, so what is read can be kept.
import { z } from '../zod';
import { ChainSource } from '../provenance';
import { MAX_ASSETS, MAX_TOTAL_ETH } from '../sources/backing';

const addr = z.string().check(z.regex(/^0x[0-9a-fA-F]{40}$/));
const pct = z.number().check(z.gte(0), z.lte(100));
const ethAmount = z.number().check(z.gte(0), z.lte(MAX_TOTAL_ETH));
const text = (n: number) => z.string().check(z.maxLength(n));

export const BackingValue = z.object({
  protocol: text(100),
  chain: text(60),
  block: z.string().check(z.regex(/^\d{1,20}$/)),
  totalEth: ethAmount,
  assets: z
    .array(
      z.object({
        asset: z.nullable(addr),
        label: text(100),
        kind: z.enum(['native', 'token', 'unattributed']),
        topTier: z.boolean(),
        eth: ethAmount,
        pct,
        derived: z.boolean(),
        sources: z.array(ChainSource).check(z.maxLength(10)),
      }),
    )
    .check(z.maxLength(MAX_ASSETS + 5)),
  nativePct: pct,
  layeredPct: pct,
  simplePct: pct,
  unattributedPct: pct,
  notes: z.array(text(300)).check(z.maxLength(10)),
  sources: z.array(ChainSource).check(z.maxLength(100)),
});

const read = <T extends z.ZodMiniType>(v: T) => z.object({ value: v, source: ChainSource });

/** Routes read, and routes that failed (each with why): the judge needs both (an unread route is never green). */
export const LzRoutesValue = z.object({
  routes: z
    .array(
      z.object({
        route: z.object({ oapp: addr, remoteEid: z.int().check(z.gte(0), z.lte(1_000_000)) }),
        library: read(addr),
        isDefaultLibrary: z.boolean(),
        blocked: z.boolean(),
        delegate: read(z.nullable(addr)),
        confirmations: z.number().check(z.gte(0)),
        requiredDVNs: z.array(addr).check(z.maxLength(64)),
        optionalDVNs: z.array(addr).check(z.maxLength(64)),
        optionalDVNThreshold: z.int().check(z.gte(0), z.lte(255)),
        minVerifiers: z.int().check(z.gte(0), z.lte(510)),
        config: ChainSource,
      }),
    )
    .check(z.maxLength(100)),
  unread: z.array(z.object({ oapp: addr, remoteEid: z.int(), reason: text(300) })).check(z.maxLength(100)),
});

export type BackingValue = z.infer<typeof BackingValue>;
export type LzRoutesValue = z.infer<typeof LzRoutesValue>;
