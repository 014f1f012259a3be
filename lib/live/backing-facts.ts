// Runs in: background, tests. A token's live backing facts from the cache: its protocol's asset mix and its
// LayerZero routes, each with every call it rests on. Only tokens with a backing spec or curated routes have them.
import { backingSpecFor } from '../registry/backing';
import { controlsFor, lzRoutesOf } from '../registry/controls';
import type { TokenProfile } from '../registry/schema';
import type { Source } from '../provenance';
import type { BackingValue, LzRoutesValue } from './backing-values';
import { key } from './keys';
import type { Entries, Entry } from './store';

export interface BackingFact<T> {
  value: T;
  okAt: string;
  sources: Source[];
  fresh: boolean;
}

function fact<T>(e: Entry | undefined, limitMin: number, now: Date, sources: (v: T) => Source[]): BackingFact<T> | null {
  if (!e || e.value === null || !e.okAt) return null;
  const value = e.value as T;
  return { value, okAt: e.okAt, sources: sources(value), fresh: (now.getTime() - Date.parse(e.okAt)) / 60_000 <= limitMin };
}

export function backingFacts(
  t: TokenProfile,
  entries: Entries,
  now: Date,
  fresh: { backing: number; 'lz-routes': number },
  get: (k: string) => Entry | undefined = (k) => entries[k],
): { backing: BackingFact<BackingValue> | null; lzRoutes: BackingFact<LzRoutesValue> | null } {
  const backing = backingSpecFor(t.id) ? fact<BackingValue>(get(key.backing(t.id)), fresh.backing, now, (v) => v.sources) : null;
  const c = controlsFor(t.id);
  const routed = c !== null && lzRoutesOf(c).length > 0;
  const lzRoutes = routed ? fact<LzRoutesValue>(get(key.lzRoutes(t.id)), fresh['lz-routes'], now, (v) => v.routes.flatMap((r) => [r.library.source, r.config])) : null;
  return { backing, lzRoutes };
}
