// Runs in: background, tests. Slashing exposure of the Mellow vaults (steakLRT, Re7LRT, amphrETH, rstETH, DVstETH)
// through Symbiotic v1 (symbioticfi/core v1.0.3): the Mellow vault's Symbiotic vault, its delegator type, per
// known network the limit it may slash up to, the slasher type and veto duration, and where slashed collateral
// goes (the BurnerRouter's receivers).
//
// Symbiotic stake is shared, not unique: with a NetworkRestake, FullRestake or OperatorSpecific delegator every
// network can slash the same stake up to its own limit. So the figures are the largest single network and the sum
// of the limits, never a sum treated as one exposure.
//
// Networks cannot be listed from a vault (the CLI scans the whole NetworkRegistry, thousands of calls). We find
// them from the delegator's own `SetMaxNetworkLimit` events: a network can only get stake from a vault after the
// vault's curator set a max limit for it, and the events name every subnetwork that ever had one. The scan is
// incremental (`discoverNetworks` from the last block scanned), so it runs daily at little cost; the fast path
// reads the current limits of those subnetworks.
import { parseAbi, parseAbiItem, type Abi, type Address, type Hex, type PublicClient } from 'viem';
import { chainSource, type ChainSource } from '../provenance';
import { BudgetedBatch, short, type Answer, type BatchOptions } from './chain-batch';
import { type Outcome } from './http';
import { rpcFailure } from './rpc';

export const SYMBIOTIC_CHAIN = 'eip155:1';
const ZERO = '0x0000000000000000000000000000000000000000';

const MELLOW = parseAbi(['function symbioticVault() view returns (address)']) as Abi;
const VAULT = parseAbi([
  'function delegator() view returns (address)',
  'function slasher() view returns (address)',
  'function burner() view returns (address)',
  'function collateral() view returns (address)',
  'function activeStake() view returns (uint256)',
  'function epochDuration() view returns (uint48)',
]) as Abi;
const ENTITY = parseAbi(['function TYPE() view returns (uint64)']) as Abi;
const DELEGATOR = parseAbi([
  'function maxNetworkLimit(bytes32 subnetwork) view returns (uint256)',
  'function networkLimit(bytes32 subnetwork) view returns (uint256)',
  'function operator() view returns (address)',
  'function network() view returns (address)',
]) as Abi;
const VETO = parseAbi(['function vetoDuration() view returns (uint48)', 'function resolver(bytes32 subnetwork, bytes hint) view returns (address)']) as Abi;
const ROUTER = parseAbi(['function globalReceiver() view returns (address)', 'function networkReceiver(address network) view returns (address)', 'function delay() view returns (uint48)']) as Abi;
/** Every burner in symbioticfi/burners exposes the collateral it burns; a receiver that does not is not a burner. */
const BURNER = parseAbi(['function COLLATERAL() view returns (address)']) as Abi;
export const SET_MAX_NETWORK_LIMIT = parseAbiItem('event SetMaxNetworkLimit(bytes32 indexed subnetwork, uint256 amount)');

/** Delegator TYPE() values, in the order DeployCoreBase whitelists the implementations. */
export const DELEGATOR_TYPES = ['NetworkRestake', 'FullRestake', 'OperatorSpecific', 'OperatorNetworkSpecific'] as const;
export type DelegatorType = (typeof DELEGATOR_TYPES)[number];

export interface Read<T> {
  value: T;
  source: ChainSource;
}

/** Subnetwork = network address in the high 20 bytes, identifier in the low 12 (Subnetwork.sol). */
export const networkOf = (subnetwork: Hex): Address => `0x${subnetwork.slice(2, 42)}` as Address;

export interface NetworkScan {
  delegator: Address;
  subnetworks: Hex[];
  /** Last block scanned: the next scan starts after it. */
  scannedTo: string;
  source: ChainSource;
}

/**
 * Subnetworks that ever had a max network limit on `delegator`, from its events in (fromBlock, latest], in
 * `chunk`-block requests (public RPCs cap a log query's range). Merge with the previous scan's list.
 */
export async function discoverNetworks(
  client: PublicClient,
  delegator: Address,
  opts: { fromBlock: bigint; chunk?: bigint; maxRequests?: number; now?: () => Date },
): Promise<Outcome<NetworkScan>> {
  const chunk = opts.chunk ?? 50_000n;
  const maxRequests = opts.maxRequests ?? 40;
  try {
    const latest = await client.getBlockNumber({ cacheTime: 0 });
    const found = new Set<Hex>();
    let from = opts.fromBlock;
    let requests = 0;
    while (from <= latest && requests < maxRequests) {
      const to = from + chunk - 1n < latest ? from + chunk - 1n : latest;
      const logs = await client.getLogs({ address: delegator, event: SET_MAX_NETWORK_LIMIT, fromBlock: from, toBlock: to });
      for (const l of logs) if (l.args.subnetwork) found.add(l.args.subnetwork);
      requests += 1;
      from = to + 1n;
    }
    const scannedTo = from - 1n;
    const at = (opts.now ?? (() => new Date()))().toISOString();
    return {
      ok: true,
      url: delegator,
      fetchedAt: at,
      data: {
        delegator,
        subnetworks: [...found],
        scannedTo: scannedTo.toString(),
        source: chainSource(SYMBIOTIC_CHAIN, delegator, `eth_getLogs SetMaxNetworkLimit(bytes32,uint256) blocks ${opts.fromBlock}-${scannedTo}`, scannedTo, at),
      },
    };
  } catch (err) {
    return rpcFailure(err, `SetMaxNetworkLimit events of ${short(delegator)}`);
  }
}

export interface NetworkExposure {
  network: Address;
  subnetwork: Hex;
  /** The most this network can slash: min(network limit, max network limit, active stake). */
  limit: Read<string>;
  /** limit ÷ active stake. */
  pct: number;
  /** For a VetoSlasher: who can veto this subnetwork's requests; zero = nobody, so no veto in practice. */
  resolver: Read<Address> | null;
  /** Where this network's slashed collateral goes when the router routes it apart from the global receiver. */
  receiver: Read<Address> | null;
}

export interface Receiver {
  address: Address;
  /** true: answers COLLATERAL() with the vault's collateral, as every symbioticfi/burners burner does. */
  burns: boolean;
  source: ChainSource;
}

export interface VaultExposure {
  tokenId: string;
  block: string;
  /** No Symbiotic vault behind the Mellow vault (`symbioticVault()` reverted): its collateral cannot be slashed. */
  legacy: boolean;
  vault: Read<Address> | null;
  delegatorType: Read<DelegatorType> | null;
  /** 'none' = no slasher, nothing can be slashed; 'instant' = Slasher; 'veto' = VetoSlasher. */
  slasher: { kind: 'none' | 'instant' | 'veto'; address: Read<Address>; vetoSeconds: Read<number> | null } | null;
  activeStake: Read<string> | null;
  epochSeconds: Read<number> | null;
  networks: NetworkExposure[];
  /** Largest single network's limit as a share of the active stake: the most one network can take. */
  largestNetworkPct: number | null;
  /** Σ of every network's limit ÷ active stake: above 100% the same stake is promised to several networks. */
  sumOfLimitsPct: number | null;
  /** Receivers of slashed collateral; one that is not a burner (the curator, say) is redistribution. */
  receivers: Receiver[];
  /** Largest share a network whose slashed collateral goes to a non-burner can take (0 when all burn). */
  redistributingPct: number | null;
  /** Largest share a network without a working veto can take (instant slasher, or a zero resolver). */
  noVetoPct: number | null;
  complete: boolean;
  missing: string[];
  sources: ChainSource[];
}

export interface VaultInput {
  tokenId: string;
  mellowVault: Address;
  /** Subnetworks from `discoverNetworks` (cached). Empty: the networks are not known, the result is partial. */
  subnetworks: readonly Hex[];
  /** Whether `subnetworks` comes from a scan (even an empty one). false makes the result partial. */
  networksScanned: boolean;
}

/** A real revert, as opposed to an empty answer from an address with no code (viem's ZeroData error). */
function isRevert(err: unknown): boolean {
  const names: string[] = [];
  for (let e = err as { name?: string; cause?: unknown } | undefined, n = 0; e && n < 5; e = e.cause as typeof e, n++) names.push(e.name ?? '');
  return names.includes('ContractFunctionRevertedError') && !names.includes('ContractFunctionZeroDataError');
}

const isAddr = (v: unknown): v is Address => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v);
const ok = (a: Answer | null | undefined): a is Answer & { result: { status: 'success'; result: unknown } } => !!a && a.result.status === 'success';

/** Fast path, per refresh: about 12 + 3 sub-calls per network per vault, in four Multicall3 rounds. */
export async function readVaults(client: PublicClient, vaults: readonly VaultInput[], opts: BatchOptions = {}): Promise<Outcome<{ block: string; vaults: Record<string, VaultExposure>; budgetExceeded: boolean; cost: { subCalls: number; ethCalls: number } }>> {
  try {
    const block = await client.getBlockNumber({ cacheTime: 0 });
    const batch = new BudgetedBatch(client, SYMBIOTIC_CHAIN, block, opts);
    const out: Record<string, VaultExposure> = {};
    let budgetExceeded = false;
    const seen = (xs: Array<Answer | null>) => (xs.some((x) => x === null) && (budgetExceeded = true), xs);

    const r1 = seen(await batch.run(vaults.map((v) => ({ address: v.mellowVault, abi: MELLOW, functionName: 'symbioticVault', args: [], label: 'symbioticVault()' }))));
    const live = vaults.flatMap((v, i) => {
      const a = r1[i];
      const e = empty(v, block);
      out[v.tokenId] = e;
      if (!a) return void e.missing.push('symbioticVault() not read (call budget)'), [];
      e.sources.push(a.source);
      if (!ok(a)) {
        // Only a revert means "no such view"; no contract (empty answer) or a failing RPC is a failure.
        if (!isRevert(a.result.error)) return void e.missing.push(rpcFailure(a.result.error, 'symbioticVault()').message), [];
      }
      if (!ok(a) || !isAddr(a.result.result) || a.result.result === ZERO) {
        // A Mellow vault from before the Symbiotic migration has no such view: nothing it holds is slashable here.
        e.legacy = true;
        e.largestNetworkPct = 0;
        e.sumOfLimitsPct = 0;
        e.redistributingPct = 0;
        e.noVetoPct = 0;
        return [];
      }
      e.vault = { value: a.result.result, source: a.source };
      return [{ v, e, vault: a.result.result }];
    });

    const fields = ['delegator', 'slasher', 'burner', 'collateral', 'activeStake', 'epochDuration'] as const;
    const r2 = seen(await batch.run(live.flatMap(({ vault }) => fields.map((f) => ({ address: vault, abi: VAULT, functionName: f, args: [], label: `${f}()` })))));
    const vaultsRead = live.flatMap((x, i) => {
      const got = fields.map((_, n) => r2[i * fields.length + n]);
      if (got.some((g) => !ok(g))) {
        x.e.missing.push(`vault ${x.vault}: ${got.some((g) => g === null) ? 'not read (call budget)' : 'a vault view failed'}`);
        return [];
      }
      const [d, s, b, c, st, ep] = got as Answer[];
      x.e.sources.push(...got.map((g) => g!.source));
      x.e.activeStake = { value: String(st!.result.result), source: st!.source };
      x.e.epochSeconds = { value: Number(ep!.result.result), source: ep!.source };
      return [{ ...x, delegator: d!.result.result as Address, slasher: { value: s!.result.result as Address, source: s!.source }, burner: b!.result.result as Address, collateral: c!.result.result as Address, stake: st!.result.result as bigint }];
    });

    // Round 3: types, limits, router.
    const r3plan = vaultsRead.map((x) => {
      const calls = [
        { address: x.delegator, abi: ENTITY, functionName: 'TYPE', args: [], label: 'TYPE()' },
        ...(x.slasher.value !== ZERO ? [{ address: x.slasher.value, abi: ENTITY, functionName: 'TYPE', args: [], label: 'TYPE()' }] : []),
        { address: x.burner, abi: ROUTER, functionName: 'globalReceiver', args: [], label: 'globalReceiver()' },
        ...x.v.subnetworks.flatMap((sn) => [
          { address: x.delegator, abi: DELEGATOR, functionName: 'maxNetworkLimit', args: [sn], label: `maxNetworkLimit(${sn})` },
          { address: x.delegator, abi: DELEGATOR, functionName: 'networkLimit', args: [sn], label: `networkLimit(${sn})` },
        ]),
      ];
      return { x, calls };
    });
    const r3 = seen(await batch.run(r3plan.flatMap((p) => p.calls)));
    let at = 0;
    const r4plan: Array<{ x: (typeof vaultsRead)[number]; kind: 'none' | 'instant' | 'veto' | null; global: Answer | null; limits: Array<{ sn: Hex; max: Answer | null; lim: Answer | null }>; dType: DelegatorType | null }> = [];
    for (const { x, calls } of r3plan) {
      const part = r3.slice(at, at + calls.length);
      at += calls.length;
      let i = 0;
      const dt = part[i++];
      const st = x.slasher.value !== ZERO ? part[i++] : null;
      const global = part[i++] ?? null;
      const limits = x.v.subnetworks.map((sn) => ({ sn, max: part[i++] ?? null, lim: part[i++] ?? null }));
      const dType = ok(dt) ? (DELEGATOR_TYPES[Number(dt.result.result)] ?? null) : null;
      if (!dType) x.e.missing.push(`delegator ${x.delegator}: TYPE() ${dt ? 'not a known delegator type' : 'not read (call budget)'}`);
      else {
        x.e.delegatorType = { value: dType, source: dt!.source };
        x.e.sources.push(dt!.source);
      }
      let kind: 'none' | 'instant' | 'veto' | null = x.slasher.value === ZERO ? 'none' : null;
      if (st) {
        if (ok(st) && (Number(st.result.result) === 0 || Number(st.result.result) === 1)) {
          kind = Number(st.result.result) === 1 ? 'veto' : 'instant';
          x.e.sources.push(st.source);
        } else x.e.missing.push(`slasher ${x.slasher.value}: TYPE() ${st ? 'unknown' : 'not read'}`);
      } else if (x.slasher.value !== ZERO) x.e.missing.push(`slasher ${x.slasher.value}: TYPE() not read (call budget)`);
      r4plan.push({ x, kind, global, limits, dType });
    }

    // Round 4: veto duration and resolvers, network receivers, and the burner probe of every receiver.
    const r4calls = r4plan.map((p) => {
      const router = ok(p.global) && isAddr(p.global.result.result);
      const calls = [
        ...(p.kind === 'veto' ? [{ address: p.x.slasher.value, abi: VETO, functionName: 'vetoDuration', args: [], label: 'vetoDuration()' }] : []),
        ...(p.kind === 'veto' ? p.limits.map(({ sn }) => ({ address: p.x.slasher.value, abi: VETO, functionName: 'resolver', args: [sn, '0x'], label: `resolver(${sn},0x)` })) : []),
        ...(router ? p.limits.map(({ sn }) => ({ address: p.x.burner, abi: ROUTER, functionName: 'networkReceiver', args: [networkOf(sn)], label: `networkReceiver(${networkOf(sn)})` })) : []),
        // The global receiver, or the burner itself when it is not a router.
        { address: router ? (p.global!.result.result as Address) : p.x.burner, abi: BURNER, functionName: 'COLLATERAL', args: [], label: 'COLLATERAL()' },
      ];
      return { p, router, calls };
    });
    const r4 = seen(await batch.run(r4calls.flatMap((c) => c.calls)));
    at = 0;
    const netReceivers: Array<{ p: (typeof r4plan)[number]; receivers: Array<Address | null> }> = [];
    for (const { p, router, calls } of r4calls) {
      const part = r4.slice(at, at + calls.length);
      at += calls.length;
      const x = p.x;
      let i = 0;
      let vetoSeconds: Read<number> | null = null;
      if (p.kind === 'veto') {
        const v = part[i++];
        if (ok(v)) {
          vetoSeconds = { value: Number(v.result.result), source: v.source };
          x.e.sources.push(v.source);
        }
        else x.e.missing.push(`slasher ${x.slasher.value}: vetoDuration() not read`);
      }
      const resolvers = p.kind === 'veto' ? p.limits.map(() => part[i++] ?? null) : p.limits.map(() => null);
      const receivers = router ? p.limits.map(() => part[i++] ?? null) : p.limits.map(() => null);
      const probe = part[i++] ?? null;
      if (p.kind) x.e.slasher = { kind: p.kind, address: x.slasher, vetoSeconds };
      const globalAddr = router ? (p.global!.result.result as Address) : x.burner;
      if (!probe) x.e.missing.push('burner: not read (call budget)');
      else x.e.receivers.push({ address: globalAddr, burns: ok(probe) && isAddr(probe.result.result) && probe.result.result.toLowerCase() === x.collateral.toLowerCase(), source: router ? p.global!.source : probe.source });
      const stake = x.stake;
      x.e.networks = p.limits.flatMap(({ sn, max, lim }, n) => {
        if (!ok(max) || (p.dType !== 'OperatorNetworkSpecific' && !ok(lim))) {
          x.e.missing.push(`subnetwork ${sn}: limits not read`);
          return [];
        }
        const m = max.result.result as bigint;
        const l = p.dType === 'OperatorNetworkSpecific' ? m : (lim!.result.result as bigint) < m ? (lim!.result.result as bigint) : m;
        const eff = l < stake ? l : stake;
        if (m === 0n) return [];
        const res = resolvers[n];
        const rec = receivers[n];
        return [
          {
            network: networkOf(sn),
            subnetwork: sn,
            limit: { value: eff.toString(), source: p.dType === 'OperatorNetworkSpecific' ? max.source : lim!.source },
            pct: stake > 0n ? (Number((eff * 10n ** 18n) / stake) / 1e18) * 100 : 0,
            resolver: ok(res) && isAddr(res.result.result) ? { value: res.result.result, source: res.source } : null,
            receiver: ok(rec) && isAddr(rec.result.result) && rec.result.result !== ZERO ? { value: rec.result.result, source: rec.source } : null,
          },
        ];
      });
      for (const nw of x.e.networks) x.e.sources.push(nw.limit.source, ...(nw.resolver ? [nw.resolver.source] : []), ...(nw.receiver ? [nw.receiver.source] : []));
      if (probe) x.e.sources.push(probe.source);
      if (p.kind === 'veto') resolvers.forEach((r, n) => !ok(r) && x.e.missing.push(`subnetwork ${p.limits[n]!.sn}: resolver not read`));
      netReceivers.push({ p, receivers: x.e.networks.map((nw) => nw.receiver?.value ?? null) });
    }

    // Round 5: burner probes of per-network receivers that differ from the global one.
    const extra = netReceivers.flatMap(({ p, receivers }) =>
      [...new Set(receivers.filter((r): r is Address => !!r && !p.x.e.receivers.some((g) => g.address.toLowerCase() === r.toLowerCase())))].map((r) => ({ p, r })),
    );
    const r5 = seen(await batch.run(extra.map(({ r }) => ({ address: r, abi: BURNER, functionName: 'COLLATERAL', args: [], label: 'COLLATERAL()' }))));
    extra.forEach(({ p, r }, i) => {
      const a = r5[i];
      if (!a) return void p.x.e.missing.push(`receiver ${r}: not probed (call budget)`);
      p.x.e.receivers.push({ address: r, burns: ok(a) && isAddr(a.result.result) && a.result.result.toLowerCase() === p.x.collateral.toLowerCase(), source: a.source });
      p.x.e.sources.push(a.source);
    });

    for (const { p } of netReceivers) finish(p.x.e, p.x.v);
    for (const v of vaults) {
      const e = out[v.tokenId]!;
      e.complete = e.missing.length === 0;
    }
    return { ok: true, url: SYMBIOTIC_CHAIN, fetchedAt: new Date().toISOString(), data: { block: block.toString(), vaults: out, budgetExceeded, cost: { subCalls: batch.spent, ethCalls: batch.ethCalls } } };
  } catch (err) {
    return rpcFailure(err, 'Symbiotic vaults');
  }
}

function empty(v: VaultInput, block: bigint): VaultExposure {
  return {
    tokenId: v.tokenId,
    block: block.toString(),
    legacy: false,
    vault: null,
    delegatorType: null,
    slasher: null,
    activeStake: null,
    epochSeconds: null,
    networks: [],
    largestNetworkPct: null,
    sumOfLimitsPct: null,
    receivers: [],
    redistributingPct: null,
    noVetoPct: null,
    complete: false,
    missing: [],
    sources: [],
  };
}

/** The derived shares, once every read is in. */
function finish(e: VaultExposure, v: VaultInput): void {
  if (!v.networksScanned) e.missing.push('networks: not scanned yet (discoverNetworks)');
  if (!e.slasher) return;
  if (e.slasher.kind === 'none') {
    // No slasher: the vault's stake cannot be slashed by any network, whatever the limits say.
    e.largestNetworkPct = 0;
    e.sumOfLimitsPct = 0;
    e.redistributingPct = 0;
    e.noVetoPct = 0;
    return;
  }
  const pcts = e.networks.map((n) => n.pct);
  e.largestNetworkPct = pcts.length ? Math.max(...pcts) : 0;
  e.sumOfLimitsPct = pcts.reduce((a, b) => a + b, 0);
  const burns = (addr: Address) => e.receivers.find((r) => r.address.toLowerCase() === addr.toLowerCase())?.burns;
  const global = e.receivers[0];
  const redistributes = (n: NetworkExposure) => {
    const b = n.receiver ? burns(n.receiver.value) : global?.burns;
    return b === undefined ? null : !b;
  };
  const red = e.networks.map(redistributes);
  e.redistributingPct = red.includes(null) ? null : Math.max(0, ...e.networks.filter((_, i) => red[i]).map((n) => n.pct));
  const noVeto = (n: NetworkExposure) => e.slasher!.kind === 'instant' || (e.slasher!.vetoSeconds?.value ?? 0) === 0 || !n.resolver || n.resolver.value === ZERO;
  e.noVetoPct = e.slasher.kind === 'veto' && !e.slasher.vetoSeconds ? null : Math.max(0, ...e.networks.filter(noVeto).map((n) => n.pct));
}

