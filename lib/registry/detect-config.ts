// Runs in: background, tests. What each page gets to look for: the registry's names, misnomers and deployment
// addresses (lib/detect DetectConfig). The same list goes to every page: what a page shows never changes what we
// send, fetch or store.
import { isRestaking } from '../categories';
import type { DetectConfig } from '../detect/types';
import type { TokenProfile } from './schema';
import type { Misnomer } from './misnomers';

export function detectConfig(tokens: readonly TokenProfile[], misnomers: readonly Misnomer[], opts: { markLst: boolean }): DetectConfig {
  const marked = tokens.filter((t) => opts.markLst || isRestaking(t.category));
  return {
    tokens: marked.map((t) => ({ id: t.id, symbol: t.symbol, aliases: t.aliases })),
    misnomers: misnomers.map((m) => ({ id: m.id, term: m.term })),
    addresses: marked.flatMap((t) => t.deployments.map((d) => ({ id: t.id, address: d.address }))),
  };
}
