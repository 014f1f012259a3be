// Runs in: options page. Depeg alerts: the threshold (percent) and which registry tokens are watched.
import { useState, type FormEvent } from 'react';
import { FieldStatus } from '../../components/field-status';
import { DEPEG_PCT, type Settings } from '../../lib/settings';
import type { RegistryState } from './app';
import type { Fields } from './fields';

const { min: MIN_PCT, max: MAX_PCT } = DEPEG_PCT;

/** The typed threshold as a number, or null when it is not a number within 0.1–20 (a decimal comma is accepted). */
export function parsePct(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= MIN_PCT && n <= MAX_PCT ? n : null;
}

function Threshold({ settings, fields }: { settings: Settings; fields: Fields }) {
  const [text, setText] = useState(String(settings.alerts.depegPct));
  const state = fields.state('depegPct');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const pct = parsePct(text);
    if (pct === null) {
      fields.set('depegPct', 'Depeg threshold', { kind: 'invalid', message: `enter a percentage from ${MIN_PCT} to ${MAX_PCT}, such as 1 or 2.5.` });
      return;
    }
    void fields.save('depegPct', 'Depeg threshold', 'alerts', (a) => ({ ...a, depegPct: pct }), { saved: `Alerts at ${pct} % or more.` });
  };
  return (
    <form className="rl-inline-form" onSubmit={submit} noValidate>
      <label htmlFor="depegPct">Alert when a watched token is off its redemption value by (percent)</label>
      <span className="rl-inline">
        <input
          id="depegPct"
          type="text"
          inputMode="decimal"
          size={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={state.kind === 'invalid' ? true : undefined}
          aria-describedby="depegPct-hint depegPct-status"
        />
        <span aria-hidden="true">%</span>
        <button type="submit" className="rl-button">
          Save
        </button>
      </span>
      <p className="rl-hint" id="depegPct-hint">
        From {MIN_PCT} to {MAX_PCT}; now {settings.alerts.depegPct} %. Deviation is the market price against the on-chain redemption rate times the
        underlying&apos;s price. It needs live data, so nothing is checked in offline mode.
      </p>
      <FieldStatus id="depegPct-status" state={state} />
    </form>
  );
}

function Watched({ settings, fields, registry }: { settings: Settings; fields: Fields; registry: RegistryState }) {
  const [filter, setFilter] = useState('');
  const watched = settings.alerts.watched;
  const toggle = (id: string, symbol: string, on: boolean) =>
    void fields.save(
      'watched',
      'Watched tokens',
      'alerts',
      (a) => ({ ...a, watched: on ? [...a.watched.filter((w) => w !== id), id] : a.watched.filter((w) => w !== id) }),
      { saved: `${symbol} ${on ? 'watched' : 'no longer watched'}.`, optimistic: true },
    );
  const q = filter.trim().toLowerCase();
  const shown = registry.status === 'ready' ? registry.tokens.filter((t) => !q || [t.symbol, t.name, t.issuer].some((s) => s.toLowerCase().includes(q))) : [];
  return (
    <fieldset className="rl-fieldset" aria-describedby="watched-count watched-status">
      <legend>Watched tokens</legend>
      <p id="watched-count" className="rl-hint">
        {watched.length === 0 ? 'None watched: no alert is raised until you pick tokens.' : `${watched.length} watched.`}
      </p>
      {registry.status === 'loading' ? (
        <p className="rl-muted">Loading the registry…</p>
      ) : registry.status === 'error' ? (
        <p role="alert">Could not load the token list: {registry.message}</p>
      ) : (
        <>
          <label htmlFor="watched-filter">Filter tokens by symbol, name or issuer</label>
          <input id="watched-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
          {shown.length === 0 && <p className="rl-muted">No token matches “{filter.trim()}”.</p>}
          <ul className="rl-checklist" data-testid="watched-list">
            {shown.map((t) => (
                <li key={t.id}>
                  <label className="rl-choice">
                    <input type="checkbox" checked={watched.includes(t.id)} onChange={(e) => toggle(t.id, t.symbol, e.target.checked)} data-token={t.id} />{' '}
                    <strong>{t.symbol}</strong> <span className="rl-muted">{t.issuer}</span>
                  </label>
                </li>
              ))}
          </ul>
        </>
      )}
      <FieldStatus id="watched-status" state={fields.state('watched')} />
    </fieldset>
  );
}

export function AlertsSection({ settings, fields, registry }: { settings: Settings; fields: Fields; registry: RegistryState }) {
  return (
    <section className="rl-section" aria-labelledby="alerts-title">
      <h2 id="alerts-title">Depeg alerts</h2>
      <fieldset className="rl-fieldset">
        <legend>Threshold</legend>
        <Threshold settings={settings} fields={fields} />
      </fieldset>
      <Watched settings={settings} fields={fields} registry={registry} />
    </section>
  );
}
