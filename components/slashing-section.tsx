// Presentational (also inside web pages, in the card): the Slashing section's chain-read part. The plain sentence
// first, then each figure with the calls it rests on, the block and the age; in the popup's detail, every call.
// Renders a SlashingLiveView (lib/views/slashing.ts) and nothing else, so it ports without React. No browser.* calls.
import type { SlashingLiveView } from '../lib/views/schema';
import { agoText } from '../lib/age';
import { SourceLinks, Unverified } from './sources';

const more = (n: number) => (n > 0 ? <span className="rl-muted"> (+{n} more calls)</span> : null);

export function SlashingSection({ view, detail = false, now = new Date() }: { view: SlashingLiveView; detail?: boolean; now?: Date }) {
  const read = view.state === 'read';
  const age = view.okAt ? `${view.fresh ? 'live' : 'last good value'}, ${agoText(view.okAt, now)} ago` : null;
  return (
    // Full addresses (AVSs, operators, networks) must wrap inside the card's width.
    <div style={{ overflowWrap: 'anywhere' }} className={`rl-slashing-live${read && !view.fresh ? ' rl-stale' : ''}`} data-slashing-live={view.state} data-fresh={String(view.fresh)} data-layer={view.layer ?? ''}>
      <p className="rl-fact" data-slashing-sentence="">
        {read && !view.verified && <Unverified verified={false} />} {view.sentence}
        {age && (
          <span className="rl-age">
            {' '}
            ({view.layer}, block {Number(view.block).toLocaleString('en-US')}, {age})
          </span>
        )}
      </p>
      {read && !view.complete && (
        <p className="rl-fact rl-muted" data-slashing-partial="">
          Partial read: {view.missingCount} {view.missingCount === 1 ? 'call' : 'calls'} failed or did not fit this refresh's call budget, so the
          figures may understate the exposure.
        </p>
      )}
      {read && view.failing && !view.fresh && <p className="rl-fact rl-failing">Failing now: {view.failing}</p>}
      {view.figures.length > 0 && (
        <ul className="rl-list">
          {view.figures.map((f) => (
            <li key={f.id} data-slashing-figure={f.id}>
              <strong>{f.label}</strong>: {f.text} <SourceLinks sources={f.sources} />
              {more(f.moreSources)}
            </li>
          ))}
        </ul>
      )}
      {detail && view.calls.length > 0 && (
        <details data-slashing-calls="">
          <summary>
            Every call these figures rest on ({view.calls.length + view.moreCalls}, block {Number(view.block).toLocaleString('en-US')})
          </summary>
          <p className="rl-fact">
            <SourceLinks sources={view.calls} />
            {more(view.moreCalls)}
          </p>
        </details>
      )}
    </div>
  );
}
