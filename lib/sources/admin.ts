// Runs in: background, tests. Who controls a set of EVM contracts, read from chain the way L2BEAT's discovery
// does: per level, one JSON-RPC batch of `eth_getCode` and the three EIP-1967 slots, then Multicall3 probes
// (`owner()`, Safe, TimelockController, AccessManager, beacon), following every controller to a bounded depth.
// Nothing here judges: lib/risk/admin.ts turns a Discovery into the Admin petal. Every value read carries the
// ChainSource it came from, so the card can say which contract and getter a delay or owner was read from.
//
// The client is a parameter. Create it with `http(url, { batch: true })` so each level's code and slot reads
// leave as one HTTP JSON-RPC batch; without batching the reads are the same, only more requests.
import { getAddress, keccak256, parseAbi, toHex, type Abi, type Address, type Hex, type PublicClient } from 'viem';
import { chainSource, type ChainSource } from '../provenance';
import type { Failure } from './http';
import { MULTICALL3, rpcFailure, type CallResult } from './rpc';

const ZERO: Address = '0x0000000000000000000000000000000000000000';

/** EIP-1967: `bytes32(uint256(keccak256(label)) - 1)`, computed rather than pasted so a typo cannot hide here. */
function eip1967Slot(label: string): Hex {
  return toHex(BigInt(keccak256(toHex(label))) - 1n, { size: 32 });
}
export const SLOTS = {
  implementation: eip1967Slot('eip1967.proxy.implementation'),
  admin: eip1967Slot('eip1967.proxy.admin'),
  beacon: eip1967Slot('eip1967.proxy.beacon'),
} as const;
export type SlotName = keyof typeof SLOTS;

/** OpenZeppelin AccessControl role ids: keccak256 of the role's name. */
export const ROLES = {
  proposer: keccak256(toHex('PROPOSER_ROLE')),
  executor: keccak256(toHex('EXECUTOR_ROLE')),
  /** AccessControl's DEFAULT_ADMIN_ROLE: it grants and revokes every other role (a minter, an upgrader). */
  defaultAdmin: toHex(0, { size: 32 }),
} as const;

/** Safe's linked-list sentinel: `getModulesPaginated(SENTINEL, n)` starts the module list. */
const SAFE_SENTINEL: Address = '0x0000000000000000000000000000000000000001';
/** UUPS / ERC-1967 `upgradeToAndCall(address,bytes)`: the function an AccessManager must allow to upgrade. */
export const UPGRADE_SELECTOR = '0x4f1ef286' as const;

export const DEFAULT_MAX_DEPTH = 4;
export const DEFAULT_MAX_ADDRESSES = 40;
/** Pages larger than this are cut: a Safe with more modules, or a role with more members, is reported as truncated. */
const LIST_CAP = 10;

const PROBES = parseAbi([
  'function owner() view returns (address)',
  'function getThreshold() view returns (uint256)',
  'function getOwners() view returns (address[])',
  'function getModulesPaginated(address start, uint256 pageSize) view returns (address[] array, address next)',
  'function getMinDelay() view returns (uint256)',
  'function authority() view returns (address)',
  'function PUBLIC_ROLE() view returns (uint64)',
  'function implementation() view returns (address)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'function getRoleMemberCount(bytes32 role) view returns (uint256)',
  'function getRoleMember(bytes32 role, uint256 index) view returns (address)',
]);
const ACCESS_MANAGER = parseAbi([
  'function getTargetFunctionRole(address target, bytes4 selector) view returns (uint64)',
  'function hasRole(uint64 roleId, address account) view returns (bool isMember, uint32 executionDelay)',
]);

/** A value as read, with the call it came from. */
export interface Read<T> {
  value: T;
  source: ChainSource;
}

/** How control passes from a contract to its controller. */
/**
 * How control passes from a contract to its controller. `executor` is not control: a timelock's executor cannot
 * schedule, but when execution is restricted a proposer needs one of them too, so the judge reads it as a gate.
 */
export type EdgeRole = 'proxy-admin' | 'beacon' | 'owner' | 'authority' | 'proposer' | 'executor' | 'role-member' | 'curated';

export interface Edge {
  role: EdgeRole;
  to: Address;
  /** Seconds the controller must wait before its action takes effect on this hop (timelock delay, AccessManager execution delay). */
  delaySec: number;
  /** Where this edge was read; null for an edge given as a curated hint. */
  source: ChainSource | null;
  /** For `curated` edges and AccessManager roles: what the hint says. */
  note?: string;
}

export type Classification =
  /** An externally owned account, or an EIP-7702 account delegating to `delegate`: one private key. */
  | { kind: 'key'; delegate: Address | null }
  | { kind: 'safe'; threshold: Read<number>; owners: Read<Address[]>; modules: Read<Address[]> | null; modulesTruncated: boolean }
  | { kind: 'timelock'; minDelaySec: Read<number>; proposersEnumerable: boolean; anyoneCanExecute: Read<boolean> | null }
  | { kind: 'access-manager' }
  /** A contract whose only readable control is an owner, admin or authority it names (ProxyAdmin, Ownable, UUPS token). */
  | { kind: 'owned' }
  /** A contract that answers none of the probes: who controls it is not readable generically. */
  | { kind: 'unknown' };

export interface ProxyInfo {
  implementation: Read<Address> | null;
  admin: Read<Address> | null;
  beacon: Read<Address> | null;
  /** The beacon's `implementation()`, when this is a beacon proxy. */
  beaconImplementation: Read<Address> | null;
}

export interface DiscoveredNode {
  address: Address;
  /** Hops from the nearest root (roots are 0). */
  depth: number;
  /** Why the node was read: a root, a controller, or an implementation (read for its code only). */
  reason: 'root' | 'controller' | 'implementation';
  code: Read<'none' | 'contract' | 'eip7702'>;
  classification: Classification;
  proxy: ProxyInfo | null;
  /** Who controls this node, in the order found. */
  controllers: Edge[];
  /** Faults met at this node, one line each ("implementation 0x… has no code"). */
  problems: string[];
}

export interface Discovery {
  chain: string;
  block: string;
  at: string;
  roots: Address[];
  nodes: Record<Address, DiscoveredNode>;
  /** Controllers not read because the depth or address limit was reached. */
  truncated: Array<{ from: Address; to: Address; why: 'depth' | 'addresses' }>;
  /** Ownership cycles: each is the list of addresses from a node back to itself. */
  cycles: Address[][];
}

export interface DiscoveryHints {
  /** Candidate role holders to test with `hasRole` where roles are not enumerable: timelock proposers, AccessManager members. */
  candidates?: Record<Address, Address[]>;
  /** Control that no generic read reveals (a RoleRegistry, a custom timelock), as curated edges with their reason. */
  edges?: Array<{ from: Address; to: Address; delaySec: number; note: string }>;
}

export interface DiscoveryOptions {
  maxDepth?: number;
  maxAddresses?: number;
  hints?: DiscoveryHints;
  now?: () => Date;
}

type Pending = { address: Address; depth: number; reason: DiscoveredNode['reason'] };

const isZero = (a: string | null | undefined) => !a || /^0x0{40}$/i.test(a);
const slotAddress = (word: Hex | undefined): Address | null => {
  if (!word || word === '0x') return null;
  const a = `0x${word.slice(-40)}`;
  return isZero(a) ? null : getAddress(a);
};
const lc = (a: string) => a.toLowerCase();

/** `eth_getCode` result → what kind of account it is. EIP-7702: `0xef0100 ‖ delegate` (23 bytes). */
export function codeKind(code: Hex | undefined): { kind: 'none' | 'contract' | 'eip7702'; delegate: Address | null } {
  if (!code || code === '0x') return { kind: 'none', delegate: null };
  if (/^0xef0100[0-9a-f]{40}$/i.test(code)) return { kind: 'eip7702', delegate: getAddress(`0x${code.slice(8)}`) };
  return { kind: 'contract', delegate: null };
}

type Probe = { address: Address; abi: Abi; functionName: string; args: readonly unknown[]; label: string };

async function multicall(client: PublicClient, calls: Probe[], block: bigint): Promise<CallResult[]> {
  if (calls.length === 0) return [];
  return (await client.multicall({
    contracts: calls.map(({ address, abi, functionName, args }) => ({ address, abi, functionName, args })),
    allowFailure: true,
    multicallAddress: MULTICALL3,
    blockNumber: block,
    batchSize: 4096,
  })) as CallResult[];
}

/**
 * Reads who controls `roots` on `chain` (CAIP-2), following controllers breadth-first to `maxDepth` hops.
 * One bad contract never fails the run: it becomes a node with its problem. Only an unusable RPC (no block, the
 * batch refused) fails the whole discovery.
 */
export async function discoverAdmin(
  client: PublicClient,
  chain: string,
  roots: readonly Address[],
  opts: DiscoveryOptions = {},
): Promise<{ ok: true; data: Discovery } | Failure> {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxAddresses = opts.maxAddresses ?? DEFAULT_MAX_ADDRESSES;
  const candidates = new Map(Object.entries(opts.hints?.candidates ?? {}).map(([k, v]) => [lc(k), v.map((a) => getAddress(a))]));
  const curatedEdges = opts.hints?.edges ?? [];
  const now = opts.now ?? (() => new Date());
  let block: bigint;
  try {
    block = await client.getBlockNumber({ cacheTime: 0 });
  } catch (err) {
    return rpcFailure(err, `admin discovery on ${chain}`);
  }
  const at = now().toISOString();
  const src = (contract: Address, fn: string) => chainSource(chain, contract, fn, block, at);

  const nodes: Record<Address, DiscoveredNode> = {};
  const truncated: Discovery['truncated'] = [];
  const seen = new Set<string>();
  let frontier: Pending[] = [];
  const managerEdges = new Map<string, Edge[]>();
  for (const r of roots) {
    const a = getAddress(r);
    if (seen.has(lc(a))) continue;
    seen.add(lc(a));
    frontier.push({ address: a, depth: 0, reason: 'root' });
  }

  while (frontier.length > 0) {
    // 1. Code and the three slots of every new address, as one JSON-RPC batch (with a batching transport).
    let raw: Array<{ code: Hex | undefined; slots: Record<SlotName, Hex | undefined> }>;
    try {
      raw = await Promise.all(
        frontier.map(async ({ address, reason }) => {
          const code = client.getCode({ address, blockNumber: block });
          // An implementation is read for its code only: its own slots say nothing about who controls the proxy.
          const names = reason === 'implementation' ? [] : (Object.keys(SLOTS) as SlotName[]);
          const slots = await Promise.all(names.map((n) => client.getStorageAt({ address, slot: SLOTS[n], blockNumber: block })));
          return { code: await code, slots: Object.fromEntries(names.map((n, i) => [n, slots[i]])) as Record<SlotName, Hex | undefined> };
        }),
      );
    } catch (err) {
      return rpcFailure(err, `admin discovery on ${chain}: eth_getCode / eth_getStorageAt`);
    }

    const level: DiscoveredNode[] = frontier.map((p, i) => {
      const r = raw[i]!;
      const ck = codeKind(r.code);
      const node: DiscoveredNode = {
        address: p.address,
        depth: p.depth,
        reason: p.reason,
        code: { value: ck.kind, source: src(p.address, 'eth_getCode') },
        classification: ck.kind === 'contract' ? { kind: 'unknown' } : { kind: 'key', delegate: ck.delegate },
        proxy: null,
        controllers: [],
        problems: [],
      };
      if (p.reason !== 'implementation' && ck.kind === 'contract') {
        const read = (n: SlotName): Read<Address> | null => {
          const a = slotAddress(r.slots[n]);
          return a ? { value: a, source: src(p.address, `eth_getStorageAt(${n} slot ${SLOTS[n]})`) } : null;
        };
        const proxy: ProxyInfo = { implementation: read('implementation'), admin: read('admin'), beacon: read('beacon'), beaconImplementation: null };
        if (proxy.implementation || proxy.admin || proxy.beacon) node.proxy = proxy;
      }
      node.controllers.push(...(managerEdges.get(lc(p.address)) ?? []));
      nodes[p.address] = node;
      return node;
    });

    // 2. Probes on every contract of this level, through Multicall3 with per-call failure.
    const contracts = level.filter((n) => n.reason !== 'implementation' && n.code.value === 'contract');
    const probes: Probe[] = [];
    const probeIndex = new Map<string, number>();
    const add = (p: Probe) => {
      probeIndex.set(`${lc(p.address)}:${p.label}`, probes.length);
      probes.push(p);
    };
    for (const n of contracts) {
      const a = n.address;
      const c = (functionName: string, args: readonly unknown[] = [], label = functionName) => add({ address: a, abi: PROBES as Abi, functionName, args, label });
      c('owner');
      c('getThreshold');
      c('getOwners');
      c('getModulesPaginated', [SAFE_SENTINEL, BigInt(LIST_CAP)]);
      c('getMinDelay');
      c('authority');
      c('PUBLIC_ROLE');
      c('getRoleMemberCount', [ROLES.proposer], 'proposerCount');
      c('hasRole', [ROLES.executor, ZERO], 'openExecutor');
      c('getRoleMemberCount', [ROLES.executor], 'executorCount');
      for (const cand of candidates.get(lc(a)) ?? []) {
        c('hasRole', [ROLES.proposer, cand], `proposer:${lc(cand)}`);
        c('hasRole', [ROLES.defaultAdmin, cand], `admin0:${lc(cand)}`);
        c('hasRole', [ROLES.executor, cand], `executor:${lc(cand)}`);
      }
      if (n.proxy?.beacon) add({ address: n.proxy.beacon.value, abi: PROBES as Abi, functionName: 'implementation', args: [], label: `beaconImpl:${lc(a)}` });
    }
    let results: CallResult[];
    try {
      results = await multicall(client, probes, block);
    } catch (err) {
      return rpcFailure(err, `admin discovery on ${chain}: Multicall3`);
    }
    const get = (a: Address, label: string): { ok: true; value: unknown; probe: Probe } | { ok: false; error: unknown } | null => {
      const i = probeIndex.get(`${lc(a)}:${label}`);
      if (i === undefined) return null;
      const r = results[i]!;
      return r.status === 'success' ? { ok: true, value: r.result, probe: probes[i]! } : { ok: false, error: r.error };
    };
    const asRead = <T>(a: Address, label: string, fn: string, map: (v: unknown) => T | null): Read<T> | null => {
      const r = get(a, label);
      if (!r?.ok) return null;
      const v = map(r.value);
      return v === null ? null : { value: v, source: src(r.probe.address, fn) };
    };
    const addr = (v: unknown) => (typeof v === 'string' && !isZero(v) ? getAddress(v) : null);
    const small = (v: unknown) => (typeof v === 'bigint' && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null);

    // 3. Classify, then ask the follow-up questions that depend on the kind (role members, AccessManager roles).
    const followUps: Probe[] = [];
    const followIndex = new Map<string, number>();
    const addFollow = (p: Probe) => {
      followIndex.set(`${lc(p.address)}:${p.label}`, followUps.length);
      followUps.push(p);
    };
    for (const n of contracts) {
      const a = n.address;
      const threshold = asRead(a, 'getThreshold', 'getThreshold()', small);
      const owners = asRead(a, 'getOwners', 'getOwners()', (v) => (Array.isArray(v) ? (v as string[]).map((x) => getAddress(x)) : null));
      const minDelay = asRead(a, 'getMinDelay', 'getMinDelay()', small);
      const publicRole = get(a, 'PUBLIC_ROLE');
      if (threshold && owners) {
        const mods = get(a, 'getModulesPaginated');
        let modules: Read<Address[]> | null = null;
        let modulesTruncated = false;
        if (mods?.ok) {
          const [list, next] = mods.value as [string[], string];
          modules = { value: list.map((x) => getAddress(x)), source: src(a, `getModulesPaginated(${SAFE_SENTINEL},${LIST_CAP})`) };
          modulesTruncated = !isZero(next) && lc(next) !== lc(SAFE_SENTINEL);
        } else {
          n.problems.push('getModulesPaginated reverted: whether modules can bypass the signers is not known');
        }
        if (threshold.value < 1 || threshold.value > owners.value.length) n.problems.push(`Safe threshold ${threshold.value} of ${owners.value.length} owners is not a valid setting`);
        n.classification = { kind: 'safe', threshold, owners, modules, modulesTruncated };
      } else if (minDelay) {
        const open = asRead(a, 'openExecutor', `hasRole(EXECUTOR_ROLE,${ZERO})`, (v) => (typeof v === 'boolean' ? v : null));
        const count = asRead(a, 'proposerCount', 'getRoleMemberCount(PROPOSER_ROLE)', small);
        n.classification = { kind: 'timelock', minDelaySec: minDelay, proposersEnumerable: count !== null, anyoneCanExecute: open };
        if (count) {
          for (let i = 0; i < Math.min(count.value, LIST_CAP); i++) {
            addFollow({ address: a, abi: PROBES as Abi, functionName: 'getRoleMember', args: [ROLES.proposer, BigInt(i)], label: `proposer#${i}` });
          }
          if (count.value > LIST_CAP) n.problems.push(`${count.value} proposers: only the first ${LIST_CAP} were read`);
        }
        // Executors matter only when execution is restricted; read them the same ways as proposers.
        const execCount = asRead(a, 'executorCount', 'getRoleMemberCount(EXECUTOR_ROLE)', small);
        if (open?.value !== true && execCount) {
          for (let i = 0; i < Math.min(execCount.value, LIST_CAP); i++) {
            addFollow({ address: a, abi: PROBES as Abi, functionName: 'getRoleMember', args: [ROLES.executor, BigInt(i)], label: `executor#${i}` });
          }
        }
        for (const cand of candidates.get(lc(a)) ?? []) {
          const has = get(a, `proposer:${lc(cand)}`);
          if (has?.ok && has.value === true) {
            n.controllers.push({ role: 'proposer', to: cand, delaySec: minDelay.value, source: src(a, `hasRole(PROPOSER_ROLE,${cand})`) });
          }
          const exec = get(a, `executor:${lc(cand)}`);
          if (open?.value !== true && exec?.ok && exec.value === true) {
            n.controllers.push({ role: 'executor', to: cand, delaySec: 0, source: src(a, `hasRole(EXECUTOR_ROLE,${cand})`) });
          }
        }
        if (!count && !(candidates.get(lc(a)) ?? []).length) n.problems.push('proposers are not enumerable and no candidate was given: who can schedule is not known');
      } else if (publicRole?.ok) {
        n.classification = { kind: 'access-manager' };
        for (const cand of candidates.get(lc(a)) ?? []) {
          addFollow({ address: a, abi: ACCESS_MANAGER as Abi, functionName: 'hasRole', args: [0n, cand], label: `admin:${lc(cand)}` });
        }
      }
      // AccessControl contracts (a RoleManager, a token with roles): whoever holds DEFAULT_ADMIN_ROLE can grant
      // itself any role, so a confirmed candidate is a controller with no delay of its own.
      if (n.classification.kind !== 'timelock' && n.classification.kind !== 'safe') {
        for (const cand of candidates.get(lc(a)) ?? []) {
          const has = get(a, `admin0:${lc(cand)}`);
          if (has?.ok && has.value === true) {
            n.controllers.push({ role: 'role-member', to: cand, delaySec: 0, source: src(a, `hasRole(DEFAULT_ADMIN_ROLE,${cand})`), note: 'DEFAULT_ADMIN_ROLE' });
          }
        }
      }
      // Owner, authority, proxy admin and beacon are controllers whatever the kind.
      const owner = asRead(a, 'owner', 'owner()', addr);
      const authority = asRead(a, 'authority', 'authority()', addr);
      if (n.proxy?.beacon) {
        const bi = get(n.proxy.beacon.value, `beaconImpl:${lc(a)}`);
        if (bi?.ok && addr(bi.value)) n.proxy.beaconImplementation = { value: addr(bi.value)!, source: src(n.proxy.beacon.value, 'implementation()') };
        else n.problems.push(`beacon ${n.proxy.beacon.value} did not answer implementation()`);
      }
      if (n.proxy?.admin) n.controllers.push({ role: 'proxy-admin', to: n.proxy.admin.value, delaySec: 0, source: n.proxy.admin.source });
      if (n.proxy?.beacon) n.controllers.push({ role: 'beacon', to: n.proxy.beacon.value, delaySec: 0, source: n.proxy.beacon.source });
      if (owner) n.controllers.push({ role: 'owner', to: owner.value, delaySec: 0, source: owner.source });
      if (authority) n.controllers.push({ role: 'authority', to: authority.value, delaySec: 0, source: authority.source });
      if (n.classification.kind === 'unknown' && n.controllers.length > 0) n.classification = { kind: 'owned' };
      // An AccessManager-governed contract: who may call upgradeToAndCall on it, asked of the manager.
      if (authority) {
        addFollow({
          address: authority.value,
          abi: ACCESS_MANAGER as Abi,
          functionName: 'getTargetFunctionRole',
          args: [a, UPGRADE_SELECTOR],
          label: `upgradeRole:${lc(a)}`,
        });
      }
    }
    let follow: CallResult[];
    try {
      follow = await multicall(client, followUps, block);
    } catch (err) {
      return rpcFailure(err, `admin discovery on ${chain}: Multicall3`);
    }
    const getF = (a: Address, label: string) => {
      const i = followIndex.get(`${lc(a)}:${label}`);
      if (i === undefined) return null;
      const r = follow[i]!;
      return r.status === 'success' ? { value: r.result } : null;
    };
    const memberProbes: Probe[] = [];
    for (const n of contracts) {
      const a = n.address;
      if (n.classification.kind === 'timelock') {
        const delay = n.classification.minDelaySec.value;
        for (let i = 0; i < LIST_CAP; i++) {
          const m = getF(a, `proposer#${i}`);
          if (!m) continue;
          const to = addr(m.value);
          if (to && !n.controllers.some((e) => e.role === 'proposer' && lc(e.to) === lc(to))) {
            n.controllers.push({ role: 'proposer', to, delaySec: delay, source: src(a, `getRoleMember(PROPOSER_ROLE,${i})`) });
          }
        }
        for (let i = 0; i < LIST_CAP; i++) {
          const x = getF(a, `executor#${i}`);
          const ex = x ? addr(x.value) : null;
          if (ex && !n.controllers.some((e) => e.role === 'executor' && lc(e.to) === lc(ex))) {
            n.controllers.push({ role: 'executor', to: ex, delaySec: 0, source: src(a, `getRoleMember(EXECUTOR_ROLE,${i})`) });
          }
        }
      }
      if (n.classification.kind === 'access-manager') {
        for (const cand of candidates.get(lc(a)) ?? []) {
          const r = getF(a, `admin:${lc(cand)}`);
          const [isMember, execDelay] = (r?.value as [boolean, number] | undefined) ?? [false, 0];
          if (isMember) n.controllers.push({ role: 'role-member', to: cand, delaySec: Number(execDelay), source: src(a, `hasRole(0,${cand})`), note: 'ADMIN_ROLE' });
        }
      }
      const authority = n.controllers.find((e) => e.role === 'authority');
      if (authority) {
        const r = getF(authority.to, `upgradeRole:${lc(a)}`);
        if (r && typeof r.value === 'bigint') {
          for (const cand of candidates.get(lc(authority.to)) ?? []) {
            memberProbes.push({
              address: authority.to,
              abi: ACCESS_MANAGER as Abi,
              functionName: 'hasRole',
              args: [r.value, cand],
              label: `upgrader:${lc(a)}:${r.value}:${lc(cand)}`,
            });
          }
        }
      }
    }
    // AccessManager upgrader roles need a third round: the role id comes from the second.
    const late: DiscoveredNode[] = [];
    let members: CallResult[];
    try {
      members = await multicall(client, memberProbes, block);
    } catch (err) {
      return rpcFailure(err, `admin discovery on ${chain}: Multicall3`);
    }
    memberProbes.forEach((p, i) => {
      const r = members[i]!;
      if (r.status !== 'success') return;
      const [isMember, execDelay] = r.result as [boolean, number];
      if (!isMember) return;
      const [, target, role, cand] = p.label.split(':') as [string, string, string, string];
      const n = contracts.find((c) => lc(c.address) === target);
      if (!n) return;
      const edge: Edge = {
        role: 'role-member',
        to: getAddress(cand),
        delaySec: Number(execDelay),
        source: src(p.address, `hasRole(${role},${getAddress(cand)})`),
        note: `role ${role} may call upgradeToAndCall on ${n.address}`,
      };
      // The manager is usually read one level later than the contract it governs: keep the edge until then.
      const manager = nodes[p.address];
      if (manager) {
        manager.controllers.push(edge);
        late.push(manager);
      } else {
        managerEdges.set(lc(p.address), [...(managerEdges.get(lc(p.address)) ?? []), edge]);
      }
    });

    // 4. Curated edges, then the next frontier: every controller and implementation not yet read.
    for (const n of level) {
      for (const e of curatedEdges.filter((x) => lc(x.from) === lc(n.address))) {
        n.controllers.push({ role: 'curated', to: getAddress(e.to), delaySec: e.delaySec, source: null, note: e.note });
      }
      if (n.classification.kind === 'unknown' && n.controllers.length > 0) n.classification = { kind: 'owned' };
    }
    const next: Pending[] = [];
    const queue = (from: DiscoveredNode, to: Address, reason: Pending['reason']) => {
      if (seen.has(lc(to))) return;
      if (reason === 'controller' && from.depth + 1 > maxDepth) {
        truncated.push({ from: from.address, to, why: 'depth' });
        return;
      }
      if (seen.size >= maxAddresses) {
        truncated.push({ from: from.address, to, why: 'addresses' });
        return;
      }
      seen.add(lc(to));
      next.push({ address: to, depth: from.depth + 1, reason });
    };
    for (const n of [...level, ...late]) {
      const impl = n.proxy?.beaconImplementation?.value ?? n.proxy?.implementation?.value;
      if (impl) queue(n, impl, 'implementation');
      for (const e of n.controllers) if (lc(e.to) !== lc(n.address)) queue(n, e.to, 'controller');
    }
    frontier = next;
  }

  // 5. Faults visible only once every node is read.
  for (const n of Object.values(nodes)) {
    const impl = n.proxy?.beaconImplementation ?? n.proxy?.implementation;
    if (impl && nodes[impl.value]?.code.value === 'none') n.problems.push(`implementation ${impl.value} has no code: the proxy cannot work as read`);
    if (n.proxy?.beacon && nodes[n.proxy.beacon.value]?.code.value === 'none') n.problems.push(`beacon ${n.proxy.beacon.value} has no code`);
  }
  return { ok: true, data: { chain, block: block.toString(), at, roots: roots.map((r) => getAddress(r)), nodes, truncated, cycles: findCycles(nodes) } };
}

/** Control cycles (A controls B controls A), excluding a contract that administers itself (an OZ timelock does). */
export function findCycles(nodes: Record<Address, DiscoveredNode>): Address[][] {
  const cycles: Address[][] = [];
  const keys = new Set<string>();
  const byLc = new Map(Object.values(nodes).map((n) => [lc(n.address), n]));
  const walk = (n: DiscoveredNode, path: Address[]) => {
    for (const e of n.controllers) {
      if (lc(e.to) === lc(n.address) || e.role === 'executor') continue;
      const at = path.findIndex((p) => lc(p) === lc(e.to));
      if (at >= 0) {
        const cycle = [...path.slice(at), e.to];
        const key = [...cycle.slice(0, -1)].map(lc).sort().join(',');
        if (!keys.has(key)) {
          keys.add(key);
          cycles.push(cycle);
        }
        continue;
      }
      const next = byLc.get(lc(e.to));
      if (next) walk(next, [...path, next.address]);
    }
  };
  for (const n of Object.values(nodes)) walk(n, [n.address]);
  return cycles;
}

// ---- Changes between two discoveries -------------------------------------------------------------------------

export type ChangeKind =
  | 'new-implementation'
  | 'new-admin'
  | 'new-beacon'
  | 'new-owner'
  | 'shorter-delay'
  | 'longer-delay'
  | 'threshold'
  | 'signers'
  | 'modules'
  | 'kind'
  | 'proposers'
  | 'controller-added'
  | 'controller-removed';

export interface Change {
  address: Address;
  kind: ChangeKind;
  from: string;
  to: string;
  /** The read of the new value (null when the new state has no such value). */
  source: ChainSource | null;
  /** ISO date-time the new discovery was read: the card's "changed, seen on <date>". */
  seenAt: string;
  /** A change that weakens control (shorter delay, lower threshold, an added module, a new key). */
  weakens: boolean;
}

const fmtList = (xs: readonly string[]) => [...xs].map(lc).sort().join(',');

/** What changed from `before` to `after`, node by node. Pure: the caller keeps the old discovery. */
export function diffDiscoveries(before: Discovery, after: Discovery): Change[] {
  const out: Change[] = [];
  const seenAt = after.at;
  const push = (address: Address, kind: ChangeKind, from: string, to: string, source: ChainSource | null, weakens: boolean) =>
    out.push({ address, kind, from, to, source, seenAt, weakens });
  const old = new Map(Object.values(before.nodes).map((n) => [lc(n.address), n]));
  for (const n of Object.values(after.nodes)) {
    const o = old.get(lc(n.address));
    if (!o) continue;
    for (const slot of ['implementation', 'admin', 'beacon'] as const) {
      const a = o.proxy?.[slot]?.value ?? null;
      const b = n.proxy?.[slot]?.value ?? null;
      if ((a && lc(a)) !== (b && lc(b))) {
        const kind = slot === 'implementation' ? 'new-implementation' : slot === 'admin' ? 'new-admin' : 'new-beacon';
        push(n.address, kind, a ?? 'none', b ?? 'none', n.proxy?.[slot]?.source ?? null, slot !== 'implementation');
      }
    }
    const ownerOf = (x: DiscoveredNode) => x.controllers.find((e) => e.role === 'owner');
    const oo = ownerOf(o)?.to ?? null;
    const no = ownerOf(n) ?? null;
    if ((oo ? lc(oo) : null) !== (no ? lc(no.to) : null)) push(n.address, 'new-owner', oo ?? 'none', no?.to ?? 'none', no?.source ?? null, true);
    const oc = o.classification;
    const nc = n.classification;
    if (oc.kind !== nc.kind) {
      push(n.address, 'kind', oc.kind, nc.kind, n.code.source, nc.kind === 'key' || nc.kind === 'unknown');
      continue;
    }
    if (oc.kind === 'timelock' && nc.kind === 'timelock' && oc.minDelaySec.value !== nc.minDelaySec.value) {
      const shorter = nc.minDelaySec.value < oc.minDelaySec.value;
      push(n.address, shorter ? 'shorter-delay' : 'longer-delay', String(oc.minDelaySec.value), String(nc.minDelaySec.value), nc.minDelaySec.source, shorter);
    }
    if (oc.kind === 'safe' && nc.kind === 'safe') {
      const ot = oc.threshold.value;
      const nt = nc.threshold.value;
      const os = oc.owners.value.length;
      const ns = nc.owners.value.length;
      if (ot !== nt || os !== ns) push(n.address, 'threshold', `${ot}/${os}`, `${nt}/${ns}`, nc.threshold.source, nt < ot || nt / ns < ot / os);
      else if (fmtList(oc.owners.value) !== fmtList(nc.owners.value)) push(n.address, 'signers', fmtList(oc.owners.value), fmtList(nc.owners.value), nc.owners.source, false);
      const om = oc.modules?.value ?? [];
      const nm = nc.modules?.value ?? [];
      if (fmtList(om) !== fmtList(nm)) push(n.address, 'modules', fmtList(om) || 'none', fmtList(nm) || 'none', nc.modules?.source ?? null, nm.some((m) => !om.some((x) => lc(x) === lc(m))));
    }
    const controllers = (x: DiscoveredNode) => new Map(x.controllers.filter((e) => e.role !== 'owner').map((e) => [`${e.role}:${lc(e.to)}`, e]));
    const oe = controllers(o);
    const ne = controllers(n);
    for (const [k, e] of ne) if (!oe.has(k) && !k.startsWith('proxy-admin') && !k.startsWith('beacon')) push(n.address, e.role === 'proposer' ? 'proposers' : 'controller-added', 'none', `${e.role} ${e.to}`, e.source, true);
    for (const [k, e] of oe) if (!ne.has(k) && !k.startsWith('proxy-admin') && !k.startsWith('beacon')) push(n.address, e.role === 'proposer' ? 'proposers' : 'controller-removed', `${e.role} ${e.to}`, 'none', null, false);
  }
  return out;
}
