// Runs in: background, tests. Lists each protocol's EigenLayer staker contracts through the getters the registry
// names (lib/registry/stakers.ts), in Multicall3 rounds: resolve the contract (Swell's getter chain), ask for the
// list, count or keys, then for the items. A getter that reverts fails its protocol only. The answer feeds the
// slow path of lib/sources/eigenlayer.ts and changes rarely, so it is cached with the staker map.
import { parseAbi, type Abi, type Address, type PublicClient } from 'viem';
import type { ChainSource, DocSource } from '../provenance';
import type { ContractRef, Enumeration, StakerSpec } from '../registry/stakers';
import type { SourceRef } from '../registry/schema';
import { BudgetedBatch, type Answer, type BatchOptions, type ViewCall } from './chain-batch';
import { fail, type Outcome } from './http';
import { rpcFailure } from './rpc';

/** More stakers than any protocol has: a larger count is a broken getter, not a list to read. */
export const MAX_STAKERS_PER_ENUMERATION = 2000;

export interface ListedStaker {
  address: Address;
  /** The call that returned it, or the repository file that lists it. */
  source: ChainSource | DocSource;
}

export interface ProtocolStakers {
  protocol: string;
  tokens: string[];
  stakers: ListedStaker[];
  verified: boolean;
}

const isAddr = (v: unknown): v is Address => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v);
const ZERO = '0x0000000000000000000000000000000000000000';

function view(sig: string, returns: string): Abi {
  return parseAbi([`function ${sig} view returns (${returns})`] as string[]) as Abi;
}
const nameOf = (sig: string) => sig.slice(0, sig.indexOf('('));

type Job = { spec: StakerSpec; e: Enumeration; at: Address | null; error: string | null; stakers: ListedStaker[] };

export async function enumerateStakers(
  client: PublicClient,
  specs: readonly StakerSpec[],
  sources: readonly SourceRef[],
  opts: BatchOptions = {},
): Promise<Outcome<Record<string, Outcome<ProtocolStakers>>>> {
  const jobs: Job[] = specs.flatMap((spec) => spec.enumerations.map((e) => ({ spec, e, at: e.kind === 'fixed' ? null : (e.contract.address as Address), error: null, stakers: [] })));
  try {
    const block = await client.getBlockNumber({ cacheTime: 0 });
    const batch = new BudgetedBatch(client, 'eip155:1', block, opts);
    await resolveContracts(batch, jobs);
    await listRound(batch, jobs);
  } catch (err) {
    return rpcFailure(err, 'EigenLayer staker lists');
  }
  const out: Record<string, Outcome<ProtocolStakers>> = {};
  for (const spec of specs) {
    const mine = jobs.filter((j) => j.spec === spec);
    const bad = mine.find((j) => j.error);
    if (bad) {
      out[spec.protocol] = fail(bad.error!.startsWith('not read') ? 'no-data' : 'revert', `${spec.protocol}: ${bad.error}`);
      continue;
    }
    for (const j of mine.filter((j) => j.e.kind === 'fixed')) {
      const ref = sources.find((s) => s.id === (j.e as Extract<Enumeration, { kind: 'fixed' }>).source);
      const doc: DocSource = { kind: 'doc', url: ref?.url ?? 'https://github.com/', title: ref?.title ?? spec.protocol };
      j.stakers = (j.e as Extract<Enumeration, { kind: 'fixed' }>).addresses.map((a) => ({ address: a as Address, source: doc }));
    }
    const seen = new Set<string>();
    const stakers = mine.flatMap((j) => j.stakers).filter((s) => (seen.has(s.address.toLowerCase()) ? false : (seen.add(s.address.toLowerCase()), true)));
    out[spec.protocol] = { ok: true, url: spec.protocol, fetchedAt: new Date().toISOString(), data: { protocol: spec.protocol, tokens: spec.tokens, stakers, verified: spec.verified } };
  }
  return { ok: true, url: 'eip155:1', fetchedAt: new Date().toISOString(), data: out };
}

/** Follows each `via` chain one getter per round. */
async function resolveContracts(batch: BudgetedBatch, jobs: Job[]): Promise<void> {
  const depth = Math.max(0, ...jobs.map((j) => (j.e.kind === 'fixed' ? 0 : j.e.contract.via.length)));
  for (let step = 0; step < depth; step++) {
    const live = jobs.filter((j) => !j.error && j.e.kind !== 'fixed' && (j.e.contract as ContractRef).via.length > step);
    const ans = await batch.run(
      live.map((j) => {
        const sig = (j.e as { contract: ContractRef }).contract.via[step]!;
        return { address: j.at!, abi: view(sig, 'address'), functionName: nameOf(sig), args: [], label: sig };
      }),
    );
    live.forEach((j, i) => {
      const a = ans[i];
      if (!a) return void (j.error = 'not read (call budget)');
      if (a.result.status !== 'success' || !isAddr(a.result.result) || a.result.result === ZERO) {
        j.error = `${(j.e as { contract: ContractRef }).contract.via[step]} on ${j.at} ${a.result.status === 'success' ? 'returned no contract' : 'reverted'}`;
        return;
      }
      j.at = a.result.result;
    });
  }
}

async function listRound(batch: BudgetedBatch, jobs: Job[]): Promise<void> {
  const first = jobs.filter((j) => !j.error && j.e.kind !== 'fixed');
  const calls: ViewCall[] = first.map((j) => {
    const e = j.e;
    if (e.kind === 'list') return { address: j.at!, abi: view(e.list, 'address[]'), functionName: nameOf(e.list), args: [], label: e.list };
    if (e.kind === 'count-index') return { address: j.at!, abi: view(e.count, 'uint256'), functionName: nameOf(e.count), args: [], label: e.count };
    const k = e as Extract<Enumeration, { kind: 'keys-lookup' }>;
    return { address: j.at!, abi: view(k.keys, 'bytes32[]'), functionName: nameOf(k.keys), args: [], label: k.keys };
  });
  const ans = await batch.run(calls);
  const items: Array<{ j: Job; call: ViewCall }> = [];
  first.forEach((j, i) => {
    const a = ans[i];
    const e = j.e;
    if (!a) return void (j.error = 'not read (call budget)');
    if (a.result.status !== 'success') return void (j.error = `${calls[i]!.label} on ${j.at} reverted`);
    const r = a.result.result;
    if (e.kind === 'list') {
      if (!Array.isArray(r) || !r.every(isAddr) || r.length > MAX_STAKERS_PER_ENUMERATION) return void (j.error = `${e.list} answered in an unexpected shape`);
      j.stakers = (r as Address[]).filter((x) => x !== ZERO).map((address) => ({ address, source: a.source }));
      return;
    }
    if (e.kind === 'count-index') {
      if (typeof r !== 'bigint' || r > BigInt(MAX_STAKERS_PER_ENUMERATION)) return void (j.error = `${e.count} returned ${String(r)}, not a staker count`);
      for (let n = 0; n < Number(r); n++) {
        const idx = BigInt(n + e.firstIndex);
        items.push({ j, call: { address: j.at!, abi: view(e.item, 'address'), functionName: nameOf(e.item), args: [idx], label: `${nameOf(e.item)}(${idx})` } });
      }
      return;
    }
    if (e.kind === 'keys-lookup') {
      if (!Array.isArray(r) || r.length > MAX_STAKERS_PER_ENUMERATION) return void (j.error = `${e.keys} answered in an unexpected shape`);
      for (const key of r as `0x${string}`[]) items.push({ j, call: { address: j.at!, abi: view(e.item, 'address'), functionName: nameOf(e.item), args: [key], label: `${nameOf(e.item)}(${key})` } });
    }
  });
  const got: Array<Answer | null> = await batch.run(items.map((x) => x.call));
  items.forEach(({ j, call }, i) => {
    if (j.error) return;
    const a = got[i];
    if (!a) return void (j.error = 'not read (call budget)');
    if (a.result.status !== 'success' || !isAddr(a.result.result)) return void (j.error = `${call.label} on ${j.at} ${a.result.status === 'success' ? 'returned no address' : 'reverted'}`);
    if (a.result.result !== ZERO) j.stakers.push({ address: a.result.result, source: a.source });
  });
}
