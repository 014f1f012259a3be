// Presentational: the popup's token rows (the tab's summary and search results) and the summary header with counts.
// No browser.* calls.
import type { LevelView, LiveFigure, TabTokenView, TokenRowView } from '../lib/views/schema';
import { agoText } from '../lib/age';
import { isRestaking } from '../lib/categories';
import { countText } from '../lib/risk/levels';
import { Rosette } from './rosette';

const signed = (pct: number) => `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct).toFixed(2)}%`;

/** "peg −0.20%" / "APY 3.10%", grey with its age once it is no longer fresh; "no live figure" when there is none. */
function Figure({ label, fig, format, now }: { label: string; fig: LiveFigure | null; format: (n: number) => string; now: Date }) {
  if (!fig)
    return (
      <span className="rl-fig rl-fig-none" title="No live figure yet (or offline mode)">
        {label} –
      </span>
    );
  return (
    <span className={`rl-fig${fig.fresh ? '' : ' rl-stale'}`} data-fresh={String(fig.fresh)} title={fig.fresh ? `live, ${agoText(fig.okAt, now)} ago` : `last good value, ${agoText(fig.okAt, now)} ago`}>
      {label} {format(fig.pct)}
      {!fig.fresh && <span className="rl-fig-age"> ({agoText(fig.okAt, now)} ago)</span>}
    </span>
  );
}

export function TokenRow({ t, count, onOpen, now = new Date() }: { t: TokenRowView; count?: number; onOpen: (t: TokenRowView) => void; now?: Date }) {
  return (
    <button type="button" className="rl-token-row" data-lrt-row={t.id} data-worst={t.rating.worst} onClick={() => onOpen(t)}>
      <Rosette petals={t.rating.petals} size={30} label={`${t.symbol}: ${t.rating.text}`} />
      <span className="rl-row-main">
        <span className="rl-row-symbol">{t.symbol}</span>{' '}
        <span className="rl-row-name">
          {t.name} · {t.issuer}
        </span>
        <span className={`rl-row-headline rl-${t.rating.worst}`}>{t.rating.text}</span>
        <span className="rl-row-figs">
          <Figure label="peg" fig={t.peg} format={signed} now={now} /> <Figure label="APY" fig={t.apy} format={(n) => `${n.toFixed(2)}%`} now={now} />
        </span>
      </span>
      {count !== undefined && (
        <span className="rl-row-count" data-count={count}>
          ×{count}
          <span className="rl-sr"> {count === 1 ? 'mention' : 'mentions'}</span>
        </span>
      )}
    </button>
  );
}

/** "1 red, 2 yellow": how many tokens have each worst level. */
export function levelCounts(tokens: ReadonlyArray<{ rating: { worst: LevelView } }>): string {
  return countText(tokens.map((t) => t.rating.worst));
}

type OnShow = ((t: TokenRowView) => void) | undefined;

function Rows({ tokens, onOpen, onShow, now }: { tokens: readonly TabTokenView[]; onOpen: (t: TokenRowView) => void; onShow: OnShow; now: Date }) {
  return (
    <ul className="rl-token-list" data-list="tab">
      {tokens.map((t) => (
        <li key={t.id}>
          <TokenRow t={t} count={t.count} onOpen={onOpen} now={now} />
          {onShow && (
            <button type="button" className="rl-show" data-show={t.id} onClick={() => onShow(t)}>
              Show on page<span className="rl-sr"> ({t.symbol})</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The tab's tokens, already sorted worst first: restaking tokens, then (if the user marks them) liquid staking tokens. */
/** `onShow`: a "Show on page" button per row (the popup: scroll to the token's first mention and open its card). */
export function TokenList({ tokens, onOpen, onShow, now = new Date() }: { tokens: readonly TabTokenView[]; onOpen: (t: TokenRowView) => void; onShow?: OnShow; now?: Date }) {
  const restaking = tokens.filter((t) => isRestaking(t.category));
  const lst = tokens.filter((t) => !isRestaking(t.category));
  if (!tokens.length) {
    return (
      <div className="rl-empty" data-testid="empty">
        <p>
          <strong>No restaking tokens on this page.</strong>
        </p>
        <p className="rl-muted">
          Restake Lens looks for liquid restaking tokens (ezETH, weETH, eETH, pufETH, rsETH, rswETH, pzETH, LBTC, fragSOL and
          more) by name or contract address, and explains their slashing, exit, audit and peg risks with sources. Search below
          to look one up.
        </p>
      </div>
    );
  }
  const mentions = restaking.reduce((n, t) => n + t.count, 0);
  return (
    <section aria-labelledby="rl-list-title" data-testid="token-list">
      <h2 id="rl-list-title" className="rl-list-title">
        {restaking.length} restaking {restaking.length === 1 ? 'token' : 'tokens'} on this page
      </h2>
      {restaking.length > 0 && (
        <p className="rl-muted rl-list-counts" data-counts="">
          By worst petal: {levelCounts(restaking)} · {mentions} {mentions === 1 ? 'mention' : 'mentions'}
        </p>
      )}
      <Rows tokens={restaking} onOpen={onOpen} onShow={onShow} now={now} />
      {lst.length > 0 && (
        <>
          <h3 className="rl-list-title rl-list-sub">Liquid staking tokens (not restaking)</h3>
          <Rows tokens={lst} onOpen={onOpen} onShow={onShow} now={now} />
        </>
      )}
    </section>
  );
}
