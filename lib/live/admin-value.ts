// Runs in: background, tests. The cache's shape for one token's admin discovery (lib/sources/admin.ts Discovery)
// and the changes seen since earlier runs: every read with its ChainSource, every list bounded, so a damaged or
// oversized entry is refused by putOk and dropped alone on read (lib/live/store.ts).
import { z } from '../zod';
import { ChainSource } from '../provenance';

/** Changes kept per token: the newest, within the last 90 days. */
export const ADMIN_CHANGES_MAX = 10;
export const ADMIN_CHANGES_MAX_AGE_DAYS = 90;
/** Nodes one discovery may hold: the reader's address limit (40) plus the roots, with room to spare. */
export const ADMIN_NODES_MAX = 100;

const iso = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'));
const addr = z.string().check(z.regex(/^0x[0-9a-fA-F]{40}$/));
const text = (n: number) => z.string().check(z.maxLength(n));
const read = <T extends z.ZodMiniType>(v: T) => z.object({ value: v, source: ChainSource });
/** Delays up to ten years: a timelock's `getMinDelay()` beyond that is not a delay anyone waits. */
const delay = z.int().check(z.gte(0), z.lte(10 * 365 * 86_400));

const Edge = z.object({
  role: z.enum(['proxy-admin', 'beacon', 'owner', 'authority', 'proposer', 'executor', 'role-member', 'curated']),
  to: addr,
  delaySec: delay,
  source: z.nullable(ChainSource),
  note: z.optional(text(300)),
});

const Classification = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key'), delegate: z.nullable(addr) }),
  z.object({
    kind: z.literal('safe'),
    threshold: read(z.int().check(z.gte(0), z.lte(1000))),
    owners: read(z.array(addr).check(z.maxLength(200))),
    modules: z.nullable(read(z.array(addr).check(z.maxLength(20)))),
    modulesTruncated: z.boolean(),
  }),
  z.object({ kind: z.literal('timelock'), minDelaySec: read(delay), proposersEnumerable: z.boolean(), anyoneCanExecute: z.nullable(read(z.boolean())) }),
  z.object({ kind: z.literal('access-manager') }),
  z.object({ kind: z.literal('owned') }),
  z.object({ kind: z.literal('unknown') }),
]);

const Node = z.object({
  address: addr,
  depth: z.int().check(z.gte(0), z.lte(20)),
  reason: z.enum(['root', 'controller', 'implementation']),
  code: read(z.enum(['none', 'contract', 'eip7702'])),
  classification: Classification,
  proxy: z.nullable(z.object({ implementation: z.nullable(read(addr)), admin: z.nullable(read(addr)), beacon: z.nullable(read(addr)), beaconImplementation: z.nullable(read(addr)) })),
  controllers: z.array(Edge).check(z.maxLength(60)),
  problems: z.array(text(400)).check(z.maxLength(30)),
});

export const DiscoveryValue = z.object({
  chain: z.string().check(z.regex(/^eip155:[1-9]\d*$/)),
  block: z.string().check(z.regex(/^\d{1,20}$/)),
  at: iso,
  roots: z.array(addr).check(z.maxLength(ADMIN_NODES_MAX)),
  nodes: z.record(addr, Node).check(z.refine((n) => Object.keys(n).length <= ADMIN_NODES_MAX, 'too many nodes')),
  truncated: z.array(z.object({ from: addr, to: addr, why: z.enum(['depth', 'addresses']) })).check(z.maxLength(200)),
  cycles: z.array(z.array(addr).check(z.maxLength(30))).check(z.maxLength(30)),
});

export const ChangeValue = z.object({
  address: addr,
  kind: z.enum(['new-implementation', 'new-admin', 'new-beacon', 'new-owner', 'shorter-delay', 'longer-delay', 'threshold', 'signers', 'modules', 'kind', 'proposers', 'controller-added', 'controller-removed']),
  from: text(3000),
  to: text(3000),
  source: z.nullable(ChainSource),
  seenAt: iso,
  weakens: z.boolean(),
});

/** `admin:<token>`: the latest discovery of the contracts that matter, and the changes seen between runs. */
export const AdminValue = z.object({
  token: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  discovery: DiscoveryValue,
  changes: z.array(ChangeValue).check(z.maxLength(ADMIN_CHANGES_MAX)),
});
