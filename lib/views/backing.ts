// Runs in: background, tests. The card's Backing section from chain reads (issue 16): one plain sentence, the asset
// mix with amounts and shares (the layered share apart), then each LayerZero route with its verifier count and
// names, each with the calls it rests on and its age. Display-ready data only; where nothing is read, it says so.
import type { TokenLive } from '../live/facts';
import { getAddress } from 'viem';
import { KNOWN_ASSETS, backingSourceRefs, backingSpecFor } from '../registry/backing';
import { controlsFor, lzRoutesOf } from '../registry/controls';
import { LZ_DVN_NAMES_ETHEREUM, LZ_EIDS } from '../registry/layerzero';
import type { TokenProfile } from '../registry/schema';
import { short } from '../sources/chain-batch';
import type { BackingLiveView, SourceView } from './schema';

const p1 = (n: number) => `${Number(n.toFixed(1))}%`;
const ethText = (n: number) => `${Math.round(n).toLocaleString('en-US')} ETH`;
const dvnName = (a: string) => Object.entries(LZ_DVN_NAMES_ETHEREUM).find(([k]) => k.toLowerCase() === a.toLowerCase())?.[1] ?? short(a);
const doc = (ids: readonly string[]): SourceView[] => backingSourceRefs(ids).map((s) => ({ kind: 'doc', url: s.url, title: s.title, ...(s.commit ? { commit: s.commit } : {}) }));

/** `tokens`: the staking tokens in the mix, each named once (stETH held and stETH in Lido's queue are one token). */
export function backingSentence(symbol: string, m: NonNullable<BackingLiveView['mix']>, tokens: readonly string[]): string {
  const layered = m.layeredPct > 0 ? `${p1(m.layeredPct)} is itself a staking token (${[...new Set(tokens)].join(', ')})` : 'none of it is another staking token';
  const rest = m.unattributedPct > 0 ? `; ${p1(m.unattributedPct)} is not broken out by the protocol's views` : '';
  return `${symbol} is backed by ${ethText(m.totalEth)} in ${m.protocol}'s contracts: ${p1(m.nativePct)} native ETH; ${layered}${rest}.`;
}

export function backingView(t: TokenProfile, l: TokenLive | null, offline: boolean): BackingLiveView | undefined {
  const spec = backingSpecFor(t.id);
  const c = controlsFor(t.id);
  const routed = c !== null && lzRoutesOf(c).length > 0;
  if (!spec && !routed) return undefined;
  const specSources = doc(spec?.spec.sources ?? []);
  const none = (state: BackingLiveView['state'], sentence: string): BackingLiveView => ({ state, sentence, mix: null, routes: null, specSources });
  if (offline) return none('offline', 'Offline mode: the backing and bridge routes are not read from chain.');
  const b = l?.backing ?? null;
  const r = l?.lzRoutes ?? null;
  if (!b && !r) return none('not-yet', `No chain read of ${t.symbol}'s backing${routed ? ' or bridge routes' : ''} has arrived yet.`);
  const mix: BackingLiveView['mix'] = b
    ? {
        protocol: b.value.protocol,
        totalEth: b.value.totalEth,
        block: b.value.block,
        okAt: b.okAt,
        fresh: b.fresh,
        nativePct: b.value.nativePct,
        layeredPct: b.value.layeredPct,
        unattributedPct: b.value.unattributedPct,
        assets: b.value.assets.map((a) => ({ label: a.label, kind: a.kind, eth: a.eth, pct: a.pct, derived: a.derived, sources: a.sources })),
        notes: b.value.notes,
      }
    : null;
  const labels = new Map((c?.lzRoutes ?? []).map((x) => [`${x.oapp.toLowerCase()}:${x.remoteEid}`, x.label]));
  const label = (oapp: string, eid: number) => labels.get(`${oapp.toLowerCase()}:${eid}`) ?? `${LZ_EIDS[eid] ?? `eid ${eid}`} → Ethereum`;
  const routes: BackingLiveView['routes'] = r
    ? {
        okAt: r.okAt,
        fresh: r.fresh,
        items: [...r.value.routes]
          .sort((x, y) => x.minVerifiers - y.minVerifiers)
          .map((x) => ({
            label: label(x.route.oapp, x.route.remoteEid),
            blocked: x.blocked,
            minVerifiers: x.minVerifiers,
            verifiers: x.requiredDVNs.map(dvnName),
            optional: x.optionalDVNThreshold ? `${x.optionalDVNThreshold} of ${x.optionalDVNs.map(dvnName).join(', ')}` : '',
            confirmations: x.confirmations,
            delegate: x.delegate.value,
            sources: [x.library.source, x.config],
          })),
        unread: r.value.unread.map((u) => ({ label: label(u.oapp, u.remoteEid), reason: u.reason })),
      }
    : null;
  const tokenNames = (b?.value.assets ?? []).filter((a) => a.kind === 'token').map((a) => (a.asset ? (KNOWN_ASSETS[getAddress(a.asset)]?.symbol ?? a.label) : a.label));
  const sentence = mix
    ? backingSentence(t.symbol, mix, tokenNames)
    : `${t.symbol}'s asset mix is not read from chain${spec ? ' yet' : ': its protocol exposes no view of it'}; its bridge routes are below.`;
  return { state: 'read', sentence, mix, routes, specSources };
}
