// Presentational: the popup's list of restaking tokens on the current tab. No browser.* calls.
import type { TabTokenView } from '../lib/messaging/contract';
import { Rosette } from './rosette';

export function TokenList({ tokens, onOpen }: { tokens: readonly TabTokenView[]; onOpen: (t: TabTokenView) => void }) {
  if (!tokens.length) {
    return (
      <div className="rl-empty">
        <p>
          <strong>No restaking tokens on this page.</strong>
        </p>
        <p className="rl-muted">
          Restake Lens marks liquid restaking tokens such as ezETH, weETH, eETH, pufETH and rsETH where a page names
          them, and explains their slashing, exit and audit risks with sources.
        </p>
      </div>
    );
  }
  const total = tokens.reduce((n, t) => n + t.count, 0);
  return (
    <section aria-labelledby="rl-list-title">
      <h2 id="rl-list-title" className="rl-list-title">
        {tokens.length} restaking {tokens.length === 1 ? 'token' : 'tokens'} on this page ({total}{' '}
        {total === 1 ? 'mention' : 'mentions'})
      </h2>
      <ul className="rl-token-list" data-testid="token-list">
        {tokens.map((t) => (
          <li key={t.id}>
            <button type="button" className="rl-token-row" data-lrt-row={t.id} data-worst={t.rating.worst} onClick={() => onOpen(t)}>
              <Rosette petals={t.rating.petals} size={28} label={`${t.symbol}: ${t.rating.text}`} />
              <span className="rl-row-symbol">{t.symbol}</span>
              <span className="rl-row-name">
                {t.name} · {t.issuer}
                <span className={`rl-row-headline rl-${t.rating.worst}`}>{t.rating.text}</span>
              </span>
              <span className="rl-row-count" aria-label={`${t.count} mentions`}>
                ×{t.count}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
