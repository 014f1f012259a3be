// Runs in: options page. The full data status (`live:status`) with a "Refresh now" button (`live:refresh`). Follows
// the live-data cache: any change to it in storage.local reloads the status.
import { LIVE_PREFIX } from '../../lib/storage-keys';
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { LiveStatusView } from '../../components/live-status';
import { send } from '../../lib/messaging/client';
import type { LiveStatus } from '../../lib/views/schema';
import { SETTINGS_KEY } from '../../lib/storage-keys';
import { errorText } from './fields';

type State = { status: 'loading' } | { status: 'ready'; data: LiveStatus; at: Date } | { status: 'error'; message: string };

/** Keys of the live-data cache in storage.local (lib/live/store.ts: live:entries, live:jobs). */

export function StatusSection({ offline }: { offline: boolean | null }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [outcome, setOutcome] = useState('');

  const load = useCallback(() => {
    send('live:status', {}).then(
      (data) => setState({ status: 'ready', data, at: new Date() }),
      (err: unknown) => setState({ status: 'error', message: errorText(err) }),
    );
  }, []);

  useEffect(() => {
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(LIVE_PREFIX) || k === SETTINGS_KEY)) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    // Ages ("4 min ago") move on while the page is open.
    const timer = setInterval(load, 30_000);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      clearInterval(timer);
    };
  }, [load]);

  const refresh = () => {
    setRefreshing(true);
    setOutcome('Refreshing every job…');
    send('live:refresh', {}).then(
      (data) => {
        setState({ status: 'ready', data, at: new Date() });
        const failing = data.jobs.filter((j) => j.error).length;
        setOutcome(
          data.offline
            ? 'Offline mode is on: nothing was fetched.'
            : failing
              ? `Refresh finished: ${failing} of ${data.jobs.length} jobs failing (details below).`
              : `Refresh finished: all ${data.jobs.length} jobs succeeded.`,
        );
      },
      (err: unknown) => setOutcome(`Refresh failed: ${errorText(err)}`),
    ).finally(() => setRefreshing(false));
  };

  return (
    <section className="rl-section" aria-labelledby="status-title" aria-busy={refreshing}>
      <h2 id="status-title">Data status</h2>
      <p className="rl-hint">What the background last fetched, when, and what is failing. Live data is fetched for the whole registry, never for the page you read.</p>
      <p className="rl-inline">
        <button type="button" className="rl-button" onClick={refresh} disabled={refreshing || offline === true} aria-describedby="refresh-outcome">
          {refreshing ? 'Refreshing…' : 'Refresh now'}
        </button>
        <span id="refresh-outcome" role="status" className="rl-field-status">
          {offline === true ? 'Offline mode is on: turn it off above to refresh.' : outcome}
        </span>
      </p>
      {state.status === 'loading' ? (
        <p className="rl-muted">Reading the status…</p>
      ) : state.status === 'error' ? (
        <p role="alert">Could not read the data status: {state.message}</p>
      ) : (
        <LiveStatusView status={state.data} now={state.at} />
      )}
    </section>
  );
}
