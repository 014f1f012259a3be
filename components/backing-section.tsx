// Presentational (also inside web pages, in the card): the Backing section's chain-read part. The plain sentence
// first, then the asset mix with amounts and shares, then each bridge route with its verifiers, every line with
// the calls it rests on and its age. Renders a BackingLiveView (lib/views/backing.ts) only. No browser.* calls.
import type { BackingLiveView } from '../lib/views/schema';
import { agoText } from '../lib/age';
import { SourceLinks } from './sources';

const p1 = (n: number) => `${Number(n.toFixed(1))}%`;
const eth = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: n >= 100 ? 0 : 2 })} ETH`;
const KIND = { native: 'native', token: 'staking token', unattributed: 'not broken out' } as const;

export function BackingSection({ view, detail = false, now = new Date() }: { view: BackingLiveView; detail?: boolean; now?: Date }) {
  const m = view.mix;
  const r = view.routes;
  const age = (okAt: string, fresh: boolean) => `${fresh ? 'live' : 'last good value'}, ${agoText(okAt, now)} ago`;
  return (
    <div style={{ overflowWrap: 'anywhere' }} className="rl-backing-live" data-backing-live={view.state}>
      <p className="rl-fact" data-backing-sentence="">
        {view.sentence}
        {m && (
          <span className="rl-age">
            {' '}
            (block {Number(m.block).toLocaleString('en-US')}, {age(m.okAt, m.fresh)})
          </span>
        )}
      </p>
      {m && (
        <ul className="rl-list" data-backing-mix="">
          {m.assets.map((a) => (
            <li key={a.label} data-backing-asset={a.kind}>
              <strong>{a.label}</strong>: {eth(a.eth)}, {p1(a.pct)} ({KIND[a.kind]}
              {a.derived ? ', the total minus the parts read' : ''}) <SourceLinks sources={a.sources} />
            </li>
          ))}
        </ul>
      )}
      {m && detail && m.notes.map((n) => <p key={n} className="rl-fact rl-muted">{n}</p>)}
      {r && (
        <div data-backing-routes="">
          <p className="rl-fact">
            Bridge routes into Ethereum (LayerZero, weakest first; {age(r.okAt, r.fresh)}):
          </p>
          <ul className="rl-list">
            {r.items.map((x) => (
              <li key={x.label} data-backing-route={x.minVerifiers}>
                <strong>{x.label}</strong>:{' '}
                {x.blocked
                  ? 'blocked (nothing is delivered)'
                  : `${x.minVerifiers} ${x.minVerifiers === 1 ? 'verifier' : 'verifiers'} (${x.verifiers.join(', ') || 'none required'}${x.optional ? `; optional ${x.optional}` : ''}), ${x.confirmations} confirmations`}
                {detail && x.delegate ? `; config delegate ${x.delegate}` : ''} <SourceLinks sources={x.sources} />
              </li>
            ))}
            {r.unread.map((u) => (
              <li key={u.label} data-backing-route="unread">
                <strong>{u.label}</strong>: not read ({u.reason})
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.specSources.length > 0 && (
        <p className="rl-fact rl-muted">
          Views and addresses from: <SourceLinks sources={view.specSources} />
        </p>
      )}
    </div>
  );
}
