// Runs in: background, tests. The Backing petal's inputs from a token's live facts and curated data: the live mix
// and route read while fresh, curated custody, layers and route facts only within the method's age limit.
import type { TokenLive } from '../live/facts';
import { controlsFor, lzRoutesOf } from '../registry/controls';
import type { TokenProfile } from '../registry/schema';
import type { LzRouteSecurity } from '../sources/bridges';
import { LZ_EIDS } from '../registry/layerzero';
import { judgeBridgeRoutes } from './admin';
import { bridgeInput, type BackingInput } from './backing';
import { CURATED_MAX_AGE_DAYS, ageDays, type LiveRisk } from './rate';
import type { Source } from '../provenance';

export function backingRisk(t: TokenProfile, l: TokenLive, now: Date): LiveRisk['backing'] | undefined {
  const mix = l.backing?.fresh ? l.backing : null;
  const routes = l.lzRoutes?.fresh ? l.lzRoutes : null;
  if (!mix && !routes) return undefined;
  const within = (asOf: string) => ageDays(asOf, now) <= CURATED_MAX_AGE_DAYS;
  const c = controlsFor(t.id);
  const labels = new Map((c?.lzRoutes ?? []).map((r) => [`${r.oapp.toLowerCase()}:${r.remoteEid}`, r.label]));
  const label = (r: LzRouteSecurity) => labels.get(`${r.route.oapp.toLowerCase()}:${r.route.remoteEid}`) ?? `${LZ_EIDS[r.route.remoteEid] ?? `eid ${r.route.remoteEid}`} → Ethereum`;
  const live = routes
    ? { judgement: judgeBridgeRoutes(routes.value.routes as unknown as LzRouteSecurity[], routes.value.unread.length, label), fresh: true }
    : null;
  const rb = t.risk.backing && within(t.risk.backing.asOf) ? t.risk.backing : null;
  const facts = live ? [] : (c?.routeFacts ?? []).filter((f) => within(f.asOf));
  const input: BackingInput = {
    mix: mix?.value ?? null,
    layers: t.layers.map((x) => x.layer),
    offchainCustody: rb?.offchainCustody ?? null,
    bridge: bridgeInput({
      routes: c ? lzRoutesOf(c).length : 0,
      live,
      facts: facts.map((f) => ({ route: f.route, minVerifiers: f.minVerifiers, verified: f.verified })),
      curated: rb ? { bridged: rb.bridged, minVerifiers: rb.bridgeMinVerifiers, verified: rb.verified } : null,
    }),
  };
  const asOf = [mix?.okAt, routes?.okAt].filter((x): x is string => !!x).sort()[0]!;
  // The curated facts the petal may rest on, linked as documents: the route facts' sources and the profile's own.
  const ids = new Set([...facts.flatMap((f) => f.sources), ...(rb ? rb.sources : [])]);
  const refs = [...(c?.sources ?? []), ...t.sources].filter((s, i, all) => ids.has(s.id) && all.findIndex((x) => x.id === s.id) === i);
  const docs = refs.map((s): Source => ({ kind: 'doc', url: s.url, title: s.title, ...(s.commit ? { commit: s.commit } : {}) }));
  return { input, asOf, verified: true, docs };
}
