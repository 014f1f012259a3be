// Presentational: the popup's compact data status: per source its last success, next run and what kind of failure
// it has now (in our words: no host, no response text), and whether offline mode is on. The options page shows the
// full one, with messages and endpoint notes: components/live-status.tsx. No browser.* calls.
import type { LiveStatus } from '../lib/views/schema';
import { agoText, spanText } from '../lib/age';
import { jobLabel, jobState } from './live-status';
import { failureText } from '../lib/failures';

const when = (iso: string | null, now: Date) => (iso ? `${agoText(iso, now)} ago` : 'never');

export function DataStatus({ status, now = new Date() }: { status: LiveStatus; now?: Date }) {
  const failing = status.jobs.filter((j) => jobState(j) !== 'ok');
  return (
    <div className="rl-status" data-offline={String(status.offline)}>
      <p className="rl-status-head">
        {status.offline ? (
          <strong data-status-mode="offline">Offline mode: on. Nothing is fetched; cards show bundled data only.</strong>
        ) : (
          <span data-status-mode="live">
            Offline mode: off.{' '}
            {status.jobs.length === 0
              ? 'No refresh has run yet.'
              : failing.length === 0
                ? 'The last run of every source succeeded.'
                : `${failing.length} of ${status.jobs.length} sources need attention.`}
          </span>
        )}
      </p>
      <ul className="rl-status-jobs">
        {status.jobs.map((j) => {
          const state = jobState(j);
          return (
            <li key={j.id} data-job={j.id} data-state={state}>
              <span className={`rl-dot ${state === 'ok' ? 'rl-live-dot' : state === 'never' ? 'rl-unknown' : 'rl-bad'}`} role="img" aria-label={state} />{' '}
              <strong>{jobLabel(j.id)}</strong>: last success {when(j.lastOkAt, now)}
              {!status.offline && j.nextDueAt && <> · next {Date.parse(j.nextDueAt) <= now.getTime() ? 'now' : `in ${spanText(Date.parse(j.nextDueAt) - now.getTime())}`}</>}
              {state === 'interrupted' && <span className="rl-failing"> The last run was cut off (the browser stopped the worker); it retries soon.</span>}
              {j.error && (
                <span className="rl-failing">
                  {' '}
                  Failing{j.failures > 1 ? ` (${j.failures} times in a row)` : ''}: {failureText(j.error.kind)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {status.damaged.length > 0 && <p className="rl-failing">Damaged cache entries dropped: {status.damaged.length}.</p>}
    </div>
  );
}
