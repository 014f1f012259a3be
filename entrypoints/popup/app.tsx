// Runs in: popup. Lists the restaking tokens found in the current tab; a row opens the token's detail.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import type { TabTokenView, TokenCardView } from '../../lib/messaging/contract';
import { TokenList } from '../../components/token-list';
import { TokenCard, type CardState } from '../../components/token-card';
import { worseFirst } from '../../lib/risk/levels';

type ListState = { status: 'loading' } | { status: 'ready'; tokens: TabTokenView[] } | { status: 'error'; message: string };

/** The tab to summarise: `?tabId=` when the popup page is opened in a tab of its own, else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [detail, setDetail] = useState<CardState | null>(null);

  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setList({ status: 'ready', tokens: [] });
      const tokens = await send('tab:tokens', { tabId });
      // Worst first, then by symbol.
      setList({ status: 'ready', tokens: [...tokens].sort((a, b) => worseFirst(a.rating.worst, b.rating.worst) || a.symbol.localeCompare(b.symbol)) });
    })().catch((err: unknown) => setList({ status: 'error', message: err instanceof Error ? err.message : String(err) }));
  }, []);

  const openDetail = (t: TabTokenView) => {
    setDetail({ status: 'loading', symbol: t.symbol });
    send('token:card', { id: t.id }).then(
      (view: TokenCardView) => setDetail({ status: 'ready', view }),
      (err: unknown) => setDetail({ status: 'error', symbol: t.symbol, message: err instanceof Error ? err.message : String(err) }),
    );
  };

  return (
    <main className="rl-popup">
      <header className="rl-popup-head">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Restake Lens</h1>
      </header>
      {detail ? (
        <>
          <button type="button" className="rl-back" onClick={() => setDetail(null)}>
            ← All tokens on this page
          </button>
          <TokenCard state={detail} titleId="rl-detail-title" onMethod={(hash) => void send('page:open', { page: 'method', hash })} />
        </>
      ) : list.status === 'loading' ? (
        <p className="rl-muted">Reading this tab…</p>
      ) : list.status === 'error' ? (
        <p role="alert">Could not read this tab: {list.message}</p>
      ) : (
        <TokenList tokens={list.tokens} onOpen={openDetail} />
      )}
    </main>
  );
}
