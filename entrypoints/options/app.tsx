// Runs in: options page. The settings page: where tokens are marked, what is marked, where live data comes from and
// how often, depeg alerts, the full data status, and reporting a wrong fact. Each control saves on its own.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { FieldStatus } from '../../components/field-status';
import { SiteList } from '../../components/site-list';
import { send } from '../../lib/messaging/client';
import type { RegistryEntryView } from '../../lib/views/schema';
import { REFRESH_CHOICES, siteOf, type Settings } from '../../lib/settings';
import { readSettings } from '../../lib/settings-store';
import { SETTINGS_KEY } from '../../lib/storage-keys';
import { FRESH_MIN, JOB_PERIOD_MIN } from '../../lib/live/periods';

/** "10 minutes", "1 hour": a period for the hint text. */
const every = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60 === 1 ? '' : `${minutes / 60} `}hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`);
import { AlertsSection } from './alerts';
import { errorText, useFields, type Fields } from './fields';
import { ReportSection } from './report';
import { RpcSection } from './rpc';
import { StatusSection } from './status';

export type RegistryState = { status: 'loading' } | { status: 'ready'; tokens: RegistryEntryView[] } | { status: 'error'; message: string };

const REFRESH_LABEL: Record<(typeof REFRESH_CHOICES)[number], string> = {
  10: 'Every 10 minutes (default)',
  30: 'Every 30 minutes',
  60: 'Every hour',
  180: 'Every 3 hours',
  360: 'Every 6 hours',
  1440: 'Once a day',
};

type ListKey = 'disabledSites' | 'onlySites';

function Sites({ settings, fields }: { settings: Settings; fields: Fields }) {
  const add = (key: ListKey, label: string) => async (text: string) => {
    const site = siteOf(text);
    if (!site) {
      fields.set(key, label, { kind: 'invalid', message: 'enter a host name such as example.com, or a page address (http or https).' });
      return false;
    }
    if (settings[key].includes(site)) {
      fields.set(key, label, { kind: 'saved', message: `${site} is already in the list.` });
      return true;
    }
    const stored = await fields.save(key, label, key, (list) => [...list.filter((s) => s !== site), site], {
      saved: `${site} added.`,
      invalid: `${site} is not a host name the settings accept (letters, digits, dots and hyphens).`,
    });
    return stored !== null;
  };
  const remove = (key: ListKey, label: string) => async (site: string) =>
    (await fields.save(key, label, key, (list) => list.filter((s) => s !== site), { saved: `${site} removed.` })) !== null;
  const only = settings.siteMode === 'only';
  return (
    <section className="rl-section" aria-labelledby="sites-title">
      <h2 id="sites-title">Where tokens are marked</h2>
      <fieldset className="rl-fieldset">
        <legend>Sites</legend>
        {(['all', 'only'] as const).map((mode) => (
          <label key={mode} className="rl-choice">
            <input
              type="radio"
              name="site-mode"
              value={mode}
              checked={settings.siteMode === mode}
              onChange={() => void fields.save('siteMode', 'Sites', 'siteMode', () => mode, { optimistic: true })}
              aria-describedby="siteMode-status"
            />{' '}
            {mode === 'all' ? 'On every site, except the sites switched off below' : 'Only on the sites listed under “Only these sites”'}
          </label>
        ))}
        <FieldStatus id="siteMode-status" state={fields.state('siteMode')} />
      </fieldset>
      <SiteList
        testId="disabled-sites"
        legend="Sites switched off"
        hint={`A site covers its subdomains. ${only ? 'Not in effect now: “only these sites” is chosen above.' : 'In effect now.'}`}
        inputLabel="Add a site to switch off"
        sites={settings.disabledSites}
        state={fields.state('disabledSites')}
        onAdd={add('disabledSites', 'Sites switched off')}
        onRemove={remove('disabledSites', 'Sites switched off')}
      />
      <SiteList
        testId="only-sites"
        legend="Only these sites"
        hint={`A site covers its subdomains. ${only ? 'In effect now: tokens are marked on these sites only.' : 'Not in effect now: choose “only on the sites listed” above.'}`}
        inputLabel="Add a site to mark on"
        sites={settings.onlySites}
        state={fields.state('onlySites')}
        onAdd={add('onlySites', 'Only these sites')}
        onRemove={remove('onlySites', 'Only these sites')}
      />
    </section>
  );
}

function Toggle({ id, label, hint, checked, onChange, fields }: { id: string; label: string; hint: string; checked: boolean; onChange: (v: boolean) => void; fields: Fields }) {
  return (
    <div className="rl-toggle">
      <label className="rl-choice">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-hint ${id}-status`} /> {label}
      </label>
      <p className="rl-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldStatus id={`${id}-status`} state={fields.state(id)} />
    </div>
  );
}

function Marking({ settings, fields }: { settings: Settings; fields: Fields }) {
  return (
    <section className="rl-section" aria-labelledby="marking-title">
      <h2 id="marking-title">What is marked</h2>
      <fieldset className="rl-fieldset">
        <legend>Token kinds</legend>
        <Toggle
          id="markLst"
          label="Also mark liquid staking tokens (stETH, wstETH, mETH, ETHx…)"
          hint="They are not restaking tokens, but restaking tokens are built on them. Off by default."
          checked={settings.markLst}
          onChange={(v) => void fields.save('markLst', 'Liquid staking tokens', 'markLst', () => v, { saved: v ? 'They are marked from now on.' : 'They are no longer marked.', optimistic: true })}
          fields={fields}
        />
      </fieldset>
    </section>
  );
}

function LiveData({ settings, fields }: { settings: Settings; fields: Fields }) {
  return (
    <section className="rl-section" aria-labelledby="live-title">
      <h2 id="live-title">Live data</h2>
      <fieldset className="rl-fieldset">
        <legend>Offline mode</legend>
        <Toggle
          id="offline"
          label="Offline mode: use the bundled data only"
          hint="Nothing is fetched: no prices, rates, APY or TVL. Cards show the curated facts shipped with the extension, and say so."
          checked={settings.offline}
          onChange={(v) => void fields.save('offline', 'Offline mode', 'offline', () => v, { saved: v ? 'Nothing will be fetched.' : 'Live data will be refreshed on schedule.', optimistic: true })}
          fields={fields}
        />
      </fieldset>
      <fieldset className="rl-fieldset">
        <legend>Refresh interval</legend>
        <label htmlFor="refreshMinutes">Refresh live data at most</label>
        <select
          id="refreshMinutes"
          value={settings.refreshMinutes}
          onChange={(e) => {
            const v = Number(e.target.value);
            const label = REFRESH_LABEL[v as (typeof REFRESH_CHOICES)[number]] ?? `${v} min`;
            void fields.save('refreshMinutes', 'Refresh interval', 'refreshMinutes', () => v, { saved: `${label}.`, optimistic: true });
          }}
          aria-describedby="refreshMinutes-hint refreshMinutes-status"
        >
          {REFRESH_CHOICES.map((m) => (
            <option key={m} value={m}>
              {REFRESH_LABEL[m]}
            </option>
          ))}
        </select>
        <p className="rl-hint" id="refreshMinutes-hint">
          The whole registry is refreshed on a schedule, whatever pages you read: prices and redemption rates every {every(JOB_PERIOD_MIN.prices)}, price
          history, APY, TVL and exit quotes every {every(JOB_PERIOD_MIN.charts)}, slashing exposure every {every(JOB_PERIOD_MIN.exposure)}. A longer interval means fewer requests to DefiLlama and the RPC
          providers, and older figures: a figure counts as fresh for three refresh periods (at least {every(FRESH_MIN.price)} for prices and rates,{' '}
          {every(FRESH_MIN.chart)} for the others), and each shows its age.
          Depeg alerts can only be as quick as the interval. Failed requests are still retried sooner, with backoff.
        </p>
        <FieldStatus id="refreshMinutes-status" state={fields.state('refreshMinutes')} />
      </fieldset>
      <RpcSection settings={settings} fields={fields} />
    </section>
  );
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const fields = useFields(setSettings);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [registry, setRegistry] = useState<RegistryState>({ status: 'loading' });

  useEffect(() => {
    const load = () => readSettings().then(setSettings, (err: unknown) => setLoadError(errorText(err)));
    void load();
    // Changes from elsewhere (another tab of this page, the console) show here too.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    send('registry:list', {}).then(
      (tokens) => setRegistry({ status: 'ready', tokens: [...tokens].sort((a, b) => a.symbol.localeCompare(b.symbol) || a.issuer.localeCompare(b.issuer)) }),
      (err: unknown) => setRegistry({ status: 'error', message: errorText(err) }),
    );
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  return (
    <div className="rl-card rl-options">
      <header className="rl-options-head">
        <img src="/icon/32.png" alt="" width={28} height={28} />
        <h1>Restake Lens settings</h1>
      </header>
      <nav aria-label="Sections" className="rl-toc">
        <ul>
          <li><a href="#sites-title">Sites</a></li>
          <li><a href="#marking-title">What is marked</a></li>
          <li><a href="#live-title">Live data</a></li>
          <li><a href="#alerts-title">Depeg alerts</a></li>
          <li><a href="#status-title">Data status</a></li>
          <li><a href="#report">Report a wrong fact</a></li>
        </ul>
      </nav>
      <div className="rl-visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {fields.announcement.text && <span key={fields.announcement.n}>{fields.announcement.text}</span>}
      </div>
      <main>
        {loadError ? (
          <p role="alert">Could not read the settings: {loadError}</p>
        ) : !settings ? (
          <p className="rl-muted">Reading the settings…</p>
        ) : (
          <>
            <Sites settings={settings} fields={fields} />
            <Marking settings={settings} fields={fields} />
            <LiveData settings={settings} fields={fields} />
            <AlertsSection settings={settings} fields={fields} registry={registry} />
          </>
        )}
        <StatusSection offline={settings?.offline ?? null} />
        <ReportSection registry={registry} />
      </main>
    </div>
  );
}
