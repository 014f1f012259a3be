// Presentational: a fact with its "unverified" flag and numbered source links (the number is what shows; the
// title is read out with it, so a link's accessible name starts with its visible text). No browser.* calls.
import type { FactView, SourceView } from '../lib/messaging/contract';

export function SourceLinks({ sources }: { sources: readonly SourceView[] }) {
  if (!sources.length) return null;
  return (
    <span className="rl-sources">
      {sources.map((s, i) =>
        s.url ? (
          <a key={`${s.id}-${i}`} href={s.url} target="_blank" rel="noopener noreferrer" title={s.title}>
            [{i + 1}]<span className="rl-sr"> source: {s.title}</span>
          </a>
        ) : (
          <span key={`${s.id}-${i}`} title={s.title}>
            [{i + 1}]<span className="rl-sr"> source: {s.title}</span>
          </span>
        ),
      )}
    </span>
  );
}

export function Unverified({ verified }: { verified: boolean }) {
  return verified ? null : (
    <span className="rl-unverified" title="Not confirmed by a primary source">
      unverified
    </span>
  );
}

export function FactLine({ fact }: { fact: FactView }) {
  return (
    <p className="rl-fact">
      <Unverified verified={fact.verified} /> {fact.text} <SourceLinks sources={fact.sources} />
    </p>
  );
}
