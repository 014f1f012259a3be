// Runs in: popup. The tab's restaking tokens worst first, search over the whole registry, one token's detail, and
// where live data stands. Everything comes from the background's cache: nothing here waits on the network.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import type { LiveStatus, RegistryEntryView, TabTokenView, TokenCardView, TokenRowView } from '../../lib/views/schema';
import { TokenList, TokenRow } from '../../components/token-list';
import { TokenCard, type CardState } from '../../components/token-card';
import { DataStatus } from '../../components/data-status';
import { worseFirst } from '../../lib/risk/levels';
import { searchTokens } from '../../lib/registry/search';
import type { MarkLimit } from '../../lib/messaging/contract';
import { BUDGET } from '../lens.content/scanner';

type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The page's query: `?tabId=` (the popup opened in a tab of its own, as tests do), `?token=` (open a detail). */
const params = new URLSearchParams(location.search);

const DEEP_LINK = ((id) => (id && /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) ? id : null))(params.get('token'));

/** An extension page's URL (the options page is built alongside; its path is not in the popup's typed list). */
const pageUrl = (path: string) => (browser.runtime.getURL as (p: string) => string)(path);

/** The tab to summarise: `?tabId=` when given, else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = params.get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const byRisk = <T extends { symbol: string; rating: { worst: TabTokenView['rating']['worst'] } }>(a: T, b: T) =>
  worseFirst(a.rating.worst, b.rating.worst) || a.symbol.localeCompare(b.symbol);

function useLoad<T>(load: () => Promise<T>): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const run = useCallback(() => {
    load().then(
      (data) => setState({ status: 'ready', data }),
      (err: unknown) => setState({ status: 'error', message: message(err) }),
    );
  }, [load]);
  useEffect(run, [run]);
  return [state, run];
}

/** Opened at a token's detail (a depeg notification) in a tab of its own: there is no page to summarise. */
const STANDALONE = DEEP_LINK !== null && params.get('tabId') === null;

/** The tab's tokens worst first; null when there is no page to summarise. */
const loadTab = async (): Promise<TabTokenView[] | null> => {
  if (STANDALONE) return null;
  const tabId = await targetTabId();
  return tabId === undefined ? [] : [...(await send('tab:tokens', { tabId }))].sort(byRisk);
};

/** `text` once it has stayed the same for `ms`: screen readers hear the result of a search, not every keystroke. */
function useSettled(text: string, ms: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}
/** The marking limits the tab's frames reached, said under the list (the marks stop without a sound otherwise). */
const loadLimits = async (): Promise<MarkLimit[]> => {
  if (STANDALONE) return [];
  const tabId = await targetTabId();
  return tabId === undefined ? [] : send('tab:limits', { tabId });
};
const LIMIT_TEXT: Record<MarkLimit, string> = {
  page: `Stopped marking after ${BUDGET.perPage.toLocaleString('en-US')} mentions on this page.`,
  node: `Some text on this page holds more than ${BUDGET.perNode} mentions: only its first ${BUDGET.perNode} are marked.`,
  busy: 'This page never stops changing: new content on it is no longer checked.',
};

function Limits({ limits }: { limits: Loadable<MarkLimit[]> }) {
  if (limits.status !== 'ready' || !limits.data.length) return null;
  return (
    <ul className="rl-muted" data-testid="limits">
      {limits.data.map((l) => (
        <li key={l} data-limit={l}>
          {LIMIT_TEXT[l]}
        </li>
      ))}
    </ul>
  );
}

const loadRegistry = () => send('registry:list', {});
const loadStatus = () => send('live:status', {});

function Search({ registry, query, setQuery, onOpen }: { registry: Loadable<RegistryEntryView[]>; query: string; setQuery: (q: string) => void; onOpen: (t: TokenRowView) => void }) {
  const results = useMemo(() => (registry.status === 'ready' ? searchTokens(registry.data, query) : []), [registry, query]);
  const outcome = !query.trim()
    ? ''
    : registry.status === 'loading'
      ? 'Loading the registry…'
      : registry.status === 'error'
        ? `Could not load the registry: ${registry.message}`
        : results.length
          ? `${results.length} ${results.length === 1 ? 'match' : 'matches'}`
          : `No token matches “${query.trim()}”.`;
  const announced = useSettled(outcome, 500);
  return (
    <section className="rl-search" aria-labelledby="rl-search-label">
      <label id="rl-search-label" htmlFor="rl-search-input" className="rl-list-title">
        Search all {registry.status === 'ready' ? registry.data.length : ''} tokens
      </label>
      <input
        id="rl-search-input"
        type="search"
        value={query}
        placeholder="Symbol, name, issuer or 0x address"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby="rl-search-result"
      />
      <p id="rl-search-result" className="rl-muted" role="status">
        {announced}
      </p>
      {results.length > 0 && (
        <ul className="rl-token-list" data-testid="search-results" data-list="search">
          {results.map((t) => (
            <li key={t.id}>
              <TokenRow t={t} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Status({ status, reload }: { status: Loadable<LiveStatus>; reload: () => void }) {
  const [busy, setBusy] = useState(false);
  const refresh = () => {
    setBusy(true);
    send('live:refresh', {})
      .catch(() => undefined)
      .finally(() => {
        setBusy(false);
        reload();
      });
  };
  return (
    <details className="rl-status-box" data-testid="data-status">
      <summary>
        Data status
        {status.status === 'ready' && (status.data.offline ? ' · offline mode' : status.data.jobs.some((j) => j.error || j.interrupted) ? ' · something is failing' : '')}
      </summary>
      {status.status === 'loading' && <p className="rl-muted">Reading…</p>}
      {status.status === 'error' && <p role="alert">Could not read the data status: {status.message}</p>}
      {status.status === 'ready' && (
        <>
          <DataStatus status={status.data} />
          <p className="rl-status-actions">
            {!status.data.offline && (
              <button type="button" className="rl-button" onClick={refresh} disabled={busy} aria-busy={busy}>
                {busy ? 'Refreshing…' : 'Refresh now'}
              </button>
            )}{' '}
            <button type="button" className="rl-link" onClick={() => void browser.runtime.openOptionsPage()}>
              Settings and full status
            </button>
          </p>
        </>
      )}
    </details>
  );
}

export function App() {
  const [tab] = useLoad(loadTab);
  const [limits] = useLoad(loadLimits);
  const [registry] = useLoad(loadRegistry);
  const [status, reloadStatus] = useLoad(loadStatus);
  const [query, setQuery] = useState('');
  // `?token=<id>` (from a depeg notification): straight to that token's detail.
  const [detail, setDetail] = useState<CardState | null>(() => (DEEP_LINK ? { status: 'loading', symbol: DEEP_LINK } : null));
  /** The row that opened the detail, and in which list: focus goes back to it. */
  const opener = useRef<{ id: string; list: 'tab' | 'search' } | null>(null);
  /** The latest detail request: an answer to an older one (or after Back) is dropped. */
  const request = useRef(0);
  const titleRef = useRef<HTMLDivElement>(null);

  const fetchDetail = useCallback((t: Pick<TokenRowView, 'id' | 'symbol'>) => {
    const mine = ++request.current;
    send('token:card', { id: t.id }).then(
      (view: TokenCardView) => {
        if (mine === request.current) setDetail({ status: 'ready', view });
      },
      (err: unknown) => {
        if (mine === request.current) setDetail({ status: 'error', symbol: t.symbol, message: message(err) });
      },
    );
  }, []);
  const openDetail = useCallback(
    (t: Pick<TokenRowView, 'id' | 'symbol'>, list: 'tab' | 'search') => {
      opener.current = { id: t.id, list };
      setDetail({ status: 'loading', symbol: t.symbol });
      fetchDetail(t);
    },
    [fetchDetail],
  );
  const openFromTab = useCallback((t: TokenRowView) => openDetail(t, 'tab'), [openDetail]);
  const showOnPage = useCallback((t: TokenRowView) => {
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return;
      const { shown } = await send('tab:show', { tabId, id: t.id });
      // The toolbar popup closes so the page, now showing the card, is in front (a popup opened in a tab stays).
      if (shown && params.get('tabId') === null) window.close();
    })().catch(() => undefined);
  }, []);
  const openFromSearch = useCallback((t: TokenRowView) => openDetail(t, 'search'), [openDetail]);
  useEffect(() => {
    if (DEEP_LINK) fetchDetail({ id: DEEP_LINK, symbol: DEEP_LINK });
  }, [fetchDetail]);

  // The detail takes focus when it opens (its heading), and gives it back to its row when it closes.
  useEffect(() => {
    if (detail) titleRef.current?.querySelector<HTMLElement>('h2')?.focus();
    else if (opener.current)
      document.querySelector<HTMLElement>(`[data-list="${opener.current.list}"] [data-lrt-row="${CSS.escape(opener.current.id)}"]`)?.focus();
  }, [detail?.status, detail === null]); // eslint-disable-line react-hooks/exhaustive-deps

  const back = useCallback(() => {
    request.current++;
    setDetail(null);
  }, []);

  // Escape goes back from a detail wherever focus is (a detail opened from a notification may not hold focus yet).
  const open = detail !== null;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, back]);

  // For the e2e run's report: when the tab's list first showed (performance.getEntriesByName('rl-list-ready')).
  useEffect(() => {
    if (tab.status === 'ready' && !performance.getEntriesByName('rl-list-ready').length) performance.mark('rl-list-ready');
  }, [tab.status]);

  return (
    <main className="rl-popup">
      <header className="rl-popup-head">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Restake Lens</h1>
      </header>
      {detail ? (
        <div ref={titleRef} className="rl-detail" data-testid="detail">
          <button type="button" className="rl-back" onClick={back}>
            ← Back to the list
          </button>
          <TokenCard
            state={detail}
            titleId="rl-detail-title"
            onMethod={(hash) => void send('page:open', { page: 'method', hash })}
            detail={{
              onReport: () => {
                if (detail.status === 'ready') void browser.tabs.create({ url: pageUrl(`/options.html?report=${encodeURIComponent(detail.view.id)}#report`) });
              },
            }}
          />
        </div>
      ) : (
        <>
          {tab.status === 'loading' ? (
            <p className="rl-muted">Reading this tab…</p>
          ) : tab.status === 'error' ? (
            <p role="alert">Could not read this tab: {tab.message}</p>
          ) : tab.data === null ? (
            <p className="rl-muted" data-testid="standalone">
              Opened from an alert, not from a page. Open Restake Lens from the toolbar on a page to see its restaking tokens, or search
              below.
            </p>
          ) : (
            <TokenList tokens={tab.data} onOpen={openFromTab} onShow={showOnPage} />
          )}
          <Limits limits={limits} />
          <Search registry={registry} query={query} setQuery={setQuery} onOpen={openFromSearch} />
          <Status status={status} reload={reloadStatus} />
        </>
      )}
    </main>
  );
}
