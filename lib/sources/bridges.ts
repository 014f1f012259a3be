// Runs in: background, tests. LayerZero V2 route security, read from chain: for each curated route (an OApp on
// one chain receiving from a remote endpoint id), the receive library the endpoint uses for it, the OApp's
// delegate (who may change the config), and that library's effective `getUlnConfig(oapp, eid)`: the custom
// config merged with LayerZero's default, as UlnBase computes it. Two Multicall3 rounds per chain; a route that
// reverts fails alone. The receive side is the one that matters: a forged inbound message is what releases
// escrowed tokens (the rsETH incident of 2026-04-18 was a 1-of-1 inbound route).
import { getAddress, parseAbi, type Abi, type Address, type PublicClient } from 'viem';
import { chainSource, type ChainSource } from '../provenance';
import type { LzDeployment } from '../registry/layerzero';
import { fail, type Outcome } from './http';
import { MULTICALL3, rpcFailure, type CallResult } from './rpc';
import type { Read } from './admin';

const ENDPOINT = parseAbi([
  'function getReceiveLibrary(address receiver, uint32 eid) view returns (address lib, bool isDefault)',
  'function delegates(address oapp) view returns (address)',
]);
const ULN = parseAbi([
  'struct UlnConfig { uint64 confirmations; uint8 requiredDVNCount; uint8 optionalDVNCount; uint8 optionalDVNThreshold; address[] requiredDVNs; address[] optionalDVNs; }',
  'function getUlnConfig(address oapp, uint32 remoteEid) view returns (UlnConfig)',
]);

/** UlnBase: a count of 255 means "none" (overrides the default); the effective config never returns it, but be safe. */
const NIL_DVN_COUNT = 255;

export interface LzRoute {
  /** The receiving OApp (OFT or OFT adapter) on `deployment.chain`. */
  oapp: Address;
  /** The sending chain's endpoint id. */
  remoteEid: number;
}

export interface LzRouteSecurity {
  route: LzRoute;
  library: Read<Address>;
  isDefaultLibrary: boolean;
  /** The receive library is LayerZero's BlockedMessageLib: nothing is delivered on this route. */
  blocked: boolean;
  /** Who may change this OApp's config besides the OApp itself (EndpointV2 `delegates`); null when unset. */
  delegate: Read<Address | null>;
  confirmations: number;
  requiredDVNs: Address[];
  optionalDVNs: Address[];
  optionalDVNThreshold: number;
  /** Signatures needed to verify a message: required DVNs plus the optional threshold. */
  minVerifiers: number;
  config: ChainSource;
}

/** Required + optional threshold, treating the NIL marker as none. */
export function minVerifiers(requiredCount: number, optionalThreshold: number): number {
  return (requiredCount === NIL_DVN_COUNT ? 0 : requiredCount) + (optionalThreshold === NIL_DVN_COUNT ? 0 : optionalThreshold);
}

const key = (r: LzRoute) => `${r.oapp.toLowerCase()}:${r.remoteEid}`;

/** Reads every route on one chain. The outer outcome fails only when the RPC is unusable. */
export async function readLzRoutes(
  client: PublicClient,
  deployment: LzDeployment,
  routes: readonly LzRoute[],
  now: () => Date = () => new Date(),
): Promise<Outcome<Record<string, Outcome<LzRouteSecurity>>>> {
  const what = `LayerZero routes on ${deployment.chain}`;
  if (routes.length === 0) return { ok: true, data: {}, url: deployment.chain, fetchedAt: now().toISOString() };
  let block: bigint;
  let first: CallResult[];
  const endpoint = deployment.endpoint as Address;
  try {
    block = await client.getBlockNumber({ cacheTime: 0 });
    first = (await client.multicall({
      contracts: routes.flatMap((r) => [
        { address: endpoint, abi: ENDPOINT as Abi, functionName: 'getReceiveLibrary', args: [r.oapp, r.remoteEid] },
        { address: endpoint, abi: ENDPOINT as Abi, functionName: 'delegates', args: [r.oapp] },
      ]),
      allowFailure: true,
      multicallAddress: MULTICALL3,
      blockNumber: block,
    })) as CallResult[];
  } catch (err) {
    return rpcFailure(err, what);
  }
  const at = now().toISOString();
  const src = (contract: Address, fn: string) => chainSource(deployment.chain, contract, fn, block, at);
  const out: Record<string, Outcome<LzRouteSecurity>> = {};
  const pending: Array<{ r: LzRoute; lib: Read<Address>; isDefault: boolean; delegate: Read<Address | null> }> = [];
  routes.forEach((r, i) => {
    const lib = first[2 * i]!;
    const del = first[2 * i + 1]!;
    if (lib.status !== 'success') {
      out[key(r)] = rpcFailure(lib.error, `getReceiveLibrary(${r.oapp},${r.remoteEid})`);
      return;
    }
    const [libAddr, isDefault] = lib.result as [string, boolean];
    const d = del.status === 'success' ? (del.result as string) : null;
    pending.push({
      r,
      lib: { value: getAddress(libAddr), source: src(endpoint, `getReceiveLibrary(${r.oapp},${r.remoteEid})`) },
      isDefault,
      delegate: { value: d && !/^0x0{40}$/i.test(d) ? getAddress(d) : null, source: src(endpoint, `delegates(${r.oapp})`) },
    });
  });
  const blockedLib = deployment.blockedLib?.toLowerCase();
  const reading = pending.filter((p) => p.lib.value.toLowerCase() !== blockedLib);
  let second: CallResult[];
  try {
    second = (await client.multicall({
      contracts: reading.map((p) => ({ address: p.lib.value, abi: ULN as Abi, functionName: 'getUlnConfig', args: [p.r.oapp, p.r.remoteEid] })),
      allowFailure: true,
      multicallAddress: MULTICALL3,
      blockNumber: block,
    })) as CallResult[];
  } catch (err) {
    return rpcFailure(err, what);
  }
  for (const p of pending) {
    const base = { route: p.r, library: p.lib, isDefaultLibrary: p.isDefault, delegate: p.delegate };
    if (p.lib.value.toLowerCase() === blockedLib) {
      out[key(p.r)] = {
        ok: true,
        url: deployment.chain,
        fetchedAt: at,
        data: { ...base, blocked: true, confirmations: 0, requiredDVNs: [], optionalDVNs: [], optionalDVNThreshold: 0, minVerifiers: 0, config: p.lib.source },
      };
      continue;
    }
    const r = second[reading.indexOf(p)]!;
    const fn = `getUlnConfig(${p.r.oapp},${p.r.remoteEid})`;
    if (r.status !== 'success') {
      const custom = p.lib.value.toLowerCase() !== deployment.receiveUln302.toLowerCase();
      out[key(p.r)] = custom
        ? fail('revert', `${fn}: the route uses receive library ${p.lib.value}, not ReceiveUln302, and it has no ULN config`)
        : rpcFailure(r.error, fn);
      continue;
    }
    const c = r.result as { confirmations: bigint; requiredDVNCount: number; optionalDVNCount: number; optionalDVNThreshold: number; requiredDVNs: string[]; optionalDVNs: string[] };
    out[key(p.r)] = {
      ok: true,
      url: deployment.chain,
      fetchedAt: at,
      data: {
        ...base,
        blocked: false,
        confirmations: Number(c.confirmations),
        requiredDVNs: c.requiredDVNs.map((a) => getAddress(a)),
        optionalDVNs: c.optionalDVNs.map((a) => getAddress(a)),
        optionalDVNThreshold: c.optionalDVNThreshold === NIL_DVN_COUNT ? 0 : c.optionalDVNThreshold,
        minVerifiers: minVerifiers(c.requiredDVNCount, c.optionalDVNThreshold),
        config: src(p.lib.value, fn),
      },
    };
  }
  return { ok: true, data: out, url: deployment.chain, fetchedAt: at };
}

/** The key of a route in readLzRoutes' result. */
export const routeKey = key;
