// Presentational (also inside web pages, in the card): the Admin section's chain-read part. The sentence first (who
// can upgrade what, how fast, on the weakest path), then each contract that matters with its upgrade path hop by hop,
// the pausers apart, the curated bypasses with their sources, "changed, seen on" lines and what was not read.
// Renders an AdminLiveView (lib/views/admin.ts) and nothing else, so it ports without React. No browser.* calls.
import type { AdminLiveView, AdminPathView } from '../lib/views/schema';
import { agoText } from '../lib/age';
import { chainName, shortAddress } from '../lib/chains';
import { SourceLinks, Unverified } from './sources';

function Path({ p }: { p: AdminPathView }) {
  return (
    <span data-admin-path={p.resolved ? 'resolved' : 'unresolved'}>
      {p.hops.map((h, i) => (
        <span key={i}>
          {' → '}
          {h.role}
          {h.to ? <code title={h.to}> {shortAddress(h.to)}</code> : null}
          {h.delay ? ` (${h.delay})` : ''} <SourceLinks sources={h.sources} />
        </span>
      ))}
      {': '}
      {p.holder}; {p.delay}, tier {p.tier}
    </span>
  );
}

export function AdminSection({ view, detail = false, now = new Date() }: { view: AdminLiveView; detail?: boolean; now?: Date }) {
  const read = view.state === 'read';
  const age = view.okAt ? `${view.fresh ? 'live' : 'last good value'}, ${agoText(view.okAt, now)} ago` : null;
  return (
    <div style={{ overflowWrap: 'anywhere' }} className={`rl-admin-live${read && !view.fresh ? ' rl-stale' : ''}`} data-admin-live={view.state} data-fresh={String(view.fresh)}>
      <p className="rl-fact" data-admin-sentence="">
        {read && !view.verified && <Unverified verified={false} />} {view.sentence}
        {age && view.chain && (
          <span className="rl-age">
            {' '}
            ({chainName(view.chain)}, block {Number(view.block).toLocaleString('en-US')}, {age})
          </span>
        )}
      </p>
      {read && view.failing && !view.fresh && <p className="rl-fact rl-failing">Failing now: {view.failing}</p>}
      {view.contracts.length > 0 && (
        <ul className="rl-list">
          {view.contracts.map((c) => (
            <li key={c.address} data-admin-contract={c.address} data-weakest={String(c.weakest)}>
              <Unverified verified={c.verified} /> <strong>{c.label}</strong> <code title={c.address}>{shortAddress(c.address)}</code>
              {c.note ? `: ${c.note}.` : c.paths.length === 0 ? ': no upgrade path read (not a proxy, no owner).' : null}
              {(detail ? c.paths : c.paths.slice(0, 1)).map((p, i) => (
                <Path key={i} p={p} />
              ))}
              {(detail ? c.morePaths : c.paths.length - 1 + c.morePaths) > 0 && <span className="rl-muted"> (+{detail ? c.morePaths : c.paths.length - 1 + c.morePaths} more paths)</span>}
            </li>
          ))}
        </ul>
      )}
      {view.pausers.map((p, i) => (
        <p key={i} className="rl-fact" data-admin-pauser={p.level}>
          <span className={`rl-dot rl-${p.level}`} role="img" aria-label={p.level === 'warning' ? 'warning' : 'shown'} /> Pausing {p.target}: {p.what}; held by {p.holder}{' '}
          <Unverified verified={p.verified} /> <SourceLinks sources={p.sources} />
        </p>
      ))}
      {view.bypasses.map((b, i) => (
        <p key={i} className="rl-fact" data-admin-bypass="">
          Curated: {b.what} ({b.target}; {b.holder}; {b.delay}) <Unverified verified={b.verified} /> <SourceLinks sources={b.sources} />
        </p>
      ))}
      {view.changes.map((c, i) => (
        <p key={i} className={`rl-fact${c.weakens ? ' rl-failing' : ''}`} data-admin-change="">
          Changed, seen on {c.seenAt.slice(0, 10)}: {c.text} <SourceLinks sources={c.sources} />
        </p>
      ))}
      {view.notRead.length > 0 && (
        <details data-admin-not-read="">
          <summary>Not read ({view.notRead.length + view.moreNotRead})</summary>
          <ul className="rl-list">
            {view.notRead.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
