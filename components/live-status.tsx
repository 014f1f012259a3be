// Presentational: the full data status from `live:status`: per refresh job its last run, last success, next due time,
// failures, current error, endpoint notes and whether the last run was cut off; offline mode; damaged cache entries.
// No browser.* calls.
import type { LiveStatus } from '../lib/views/schema';
import { agoText, spanText } from '../lib/age';
import { chainName } from '../lib/chains';

const JOBS: Record<string, string> = {
  prices: 'Market prices (DefiLlama coins)',
  charts: 'Price history, 7 days (DefiLlama coins)',
  yields: 'APY (DefiLlama yields)',
  tvl: 'Protocol TVL (DefiLlama)',
  'el-stakers': 'EigenLayer staker contracts, in rotation (Ethereum)',
  'el-exposure': 'EigenLayer slashing exposure (Ethereum)',
  'sym-vaults': 'Symbiotic slashing exposure of the Mellow vaults (Ethereum)',
};

/** "Redemption rates and supply (Ethereum)" for `rates:eip155:1`; the id itself for a job this page does not know. */
export function jobLabel(id: string): string {
  const [kind, ...rest] = id.split(':');
  const chain = rest.join(':');
  if (kind === 'rates' && chain) return `Redemption rates and supply (${chainName(chain)})`;
  if (kind === 'exit' && chain) return `Exit quotes (${chainName(chain)})`;
  if (kind === 'redemption' && chain) return `Redemption queues, read from the withdrawal contracts (${chainName(chain)})`;
  return JOBS[id] ?? id;
}

type Job = LiveStatus['jobs'][number];

/** One reading of a job's state for both status views: ok, failing, interrupted (the worker stopped during it), never run. */
export function jobState(j: Job): 'ok' | 'failing' | 'interrupted' | 'never' {
  if (j.interrupted) return 'interrupted';
  if (j.error) return 'failing';
  if (!j.lastOkAt) return 'never';
  return 'ok';
}

const DOT: Record<ReturnType<typeof jobState>, string> = { ok: 'rl-good', failing: 'rl-bad', interrupted: 'rl-warning', never: 'rl-unknown' };

/** "in 8 min" / "now" for a time ahead; "5 min ago" once it has passed. */
export function dueText(iso: string, now: Date): string {
  const ms = Date.parse(iso) - now.getTime();
  if (ms <= 30_000) return ms < -60_000 ? `${agoText(iso, now)} ago (waiting for the next check)` : 'now';
  return `in ${spanText(ms)}`;
}

function When({ iso, now, ahead }: { iso: string | null; now: Date; ahead?: boolean }) {
  if (!iso) return <>never</>;
  return (
    <>
      <time dateTime={iso}>{new Date(iso).toLocaleString()}</time> ({ahead ? dueText(iso, now) : `${agoText(iso, now)} ago`})
    </>
  );
}

export function LiveStatusView({ status, now }: { status: LiveStatus; now: Date }) {
  const jobs = [...status.jobs].sort((a, b) => jobLabel(a.id).localeCompare(jobLabel(b.id)));
  return (
    <div className="rl-live-status" data-offline={String(status.offline)}>
      <p data-testid="offline-state">
        <strong>Offline mode:</strong> {status.offline ? 'on. Nothing is fetched; cards show bundled data only.' : 'off. Live data is refreshed on the schedule below.'}
      </p>
      {jobs.length === 0 ? (
        <p className="rl-muted">No refresh has run yet.</p>
      ) : (
        <ul className="rl-jobs">
          {jobs.map((j) => (
            <li key={j.id} data-job={j.id} data-failing={String(j.error !== null)}>
              <h3>
                <span className={`rl-dot ${DOT[jobState(j)]}`} aria-hidden="true" /> {jobLabel(j.id)}
              </h3>
              <dl className="rl-job-facts">
                <dt>Last run</dt>
                <dd>
                  <When iso={j.lastRunAt} now={now} />
                  {j.interrupted && <strong> (interrupted: the background stopped during it)</strong>}
                </dd>
                <dt>Last success</dt>
                <dd>
                  <When iso={j.lastOkAt} now={now} />
                </dd>
                <dt>Next due</dt>
                <dd>{status.offline ? 'not while offline' : <When iso={j.nextDueAt} now={now} ahead />}</dd>
                <dt>Failures in a row</dt>
                <dd>{j.failures}</dd>
                {j.error && (
                  <>
                    <dt>Failing now</dt>
                    <dd className="rl-job-error">
                      {j.error.message} ({j.error.kind}, {agoText(j.error.at, now)} ago)
                    </dd>
                  </>
                )}
                {j.notes.length > 0 && (
                  <>
                    <dt>Notes</dt>
                    <dd>
                      <ul className="rl-job-notes">
                        {j.notes.map((n, i) => (
                          <li key={i}>{n}</li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {status.damaged.length > 0 && (
        <p>
          <strong>Damaged cache entries dropped</strong> since the background started: {status.damaged.join(', ')}
        </p>
      )}
    </div>
  );
}
