// Presentational (also inside web pages, in the card): a fact with its "unverified" flag and numbered source links
// (the number is what shows; the label is read out with it, so a link's accessible name starts with its visible
// text). Each label names exactly what the fact is (a document, an API response's key, a contract call at a block).
// No browser.* calls.
import type { FactView, SourceView } from '../lib/views/schema';
import { describeSource } from '../lib/provenance-text';

export function SourceLinks({ sources }: { sources: readonly SourceView[] }) {
  if (!sources.length) return null;
  return (
    <span className="rl-sources">
      {sources.map((s, i) => {
        const { label, href } = describeSource(s);
        return href ? (
          <a key={i} href={href} target="_blank" rel="noopener noreferrer" title={label}>
            [{i + 1}]<span className="rl-sr"> source: {label}</span>
          </a>
        ) : (
          <span key={i} title={label}>
            [{i + 1}]<span className="rl-sr"> source: {label}</span>
          </span>
        );
      })}
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
