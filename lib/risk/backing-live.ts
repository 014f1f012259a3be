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
  const input: BackingInput = {
    mix: mix?.value ?? null,
    layers: t.layers.map((x) => x.layer),
    offchainCustody: rb?.offchainCustody ?? null,
    bridge: bridgeInput({
      routes: c ? lzRoutesOf(c).length : 0,
      live,
      facts: (c?.routeFacts ?? []).filter((f) => within(f.asOf)).map((f) => ({ route: f.route, minVerifiers: f.minVerifiers, verified: f.verified })),
      curated: rb ? { bridged: rb.bridged, minVerifiers: rb.bridgeMinVerifiers, verified: rb.verified } : null,
    }),
  };
  const asOf = [mix?.okAt, routes?.okAt].filter((x): x is string => !!x).sort()[0]!;
  return { input, asOf, verified: true };
}
