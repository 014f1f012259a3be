// Runs in: options page. Your own RPC endpoint per chain. Saving asks for that host's permission inside the click
// (browsers only ask during a user gesture); without it the background keeps the defaults and the data status says so.
import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { chainName } from '../../lib/chains';
import { FieldStatus } from '../../components/field-status';
import { RpcUrl, type Settings } from '../../lib/settings';
import { DEFAULT_ENDPOINTS } from '../../lib/sources/endpoints';
import { errorText, type Fields } from './fields';

const pattern = (url: string) => `${new URL(url).origin}/*`;

/** Asks for a host permission. Call it synchronously from the event handler, before any await. */
function askFor(url: string): Promise<{ granted: boolean; why?: string }> {
  try {
    return browser.permissions.request({ origins: [pattern(url)] }).then(
      (granted) => ({ granted }),
      (err: unknown) => ({ granted: false, why: errorText(err) }),
    );
  } catch (err) {
    return Promise.resolve({ granted: false, why: errorText(err) });
  }
}

function refusedText(host: string, why?: string): string {
  return `access to ${host} was not granted${why ? ` (${why})` : ''}. Restake Lens keeps using the default endpoints until you allow it (button below); the data status notes this too.`;
}

function RpcChain({ chain, settings, fields }: { chain: string; settings: Settings; fields: Fields }) {
  const id = `rpc-${chain.replace(/[^a-z0-9]/gi, '-')}`;
  const name = chainName(chain);
  const label = `${name} RPC endpoint`;
  const mine = settings.rpc[chain] ?? [];
  const [text, setText] = useState(mine[0] ?? '');
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const mineKey = JSON.stringify(mine);

  // Whether each saved endpoint's host may be contacted (the background skips those it may not).
  useEffect(() => {
    let live = true;
    const urls = JSON.parse(mineKey) as string[];
    void Promise.all(urls.map(async (u) => [u, await browser.permissions.contains({ origins: [pattern(u)] }).catch(() => false)] as const)).then(
      (pairs) => live && setGranted(Object.fromEntries(pairs)),
    );
    return () => {
      live = false;
    };
  }, [mineKey]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const url = text.trim();
    const checked = RpcUrl.safeParse(url);
    if (!checked.success) {
      fields.set(id, label, { kind: 'invalid', message: 'enter an https URL, or http on localhost or 127.0.0.1 (a node of your own), e.g. https://rpc.example.org/your-key.' });
      return;
    }
    // Inside the user gesture: nothing may be awaited before this call.
    const asked = askFor(url);
    fields.set(id, label, { kind: 'saving' });
    void asked.then(async ({ granted: ok, why }) => {
      setGranted((g) => ({ ...g, [url]: ok }));
      await fields.save(id, label, 'rpc', (rpc) => ({ ...rpc, [chain]: [url] }), {
        saved: `${new URL(url).host} is used for ${name}.`,
        warning: ok ? undefined : refusedText(new URL(url).host, why),
      });
    });
  };

  const allow = (url: string) => {
    const asked = askFor(url);
    void asked.then(({ granted: ok, why }) => {
      setGranted((g) => ({ ...g, [url]: ok }));
      fields.set(id, label, ok ? { kind: 'saved', message: `Access to ${new URL(url).host} granted.` } : { kind: 'warning', message: refusedText(new URL(url).host, why) });
    });
  };

  const reset = () => {
    setText('');
    void fields.save(
      id,
      label,
      'rpc',
      (rpc) => Object.fromEntries(Object.entries(rpc).filter(([c]) => c !== chain)),
      { saved: `${name} uses the default endpoints.` },
    );
  };

  const defaults = DEFAULT_ENDPOINTS.rpc[chain] ?? [];
  const state = fields.state(id);
  return (
    <fieldset className="rl-fieldset" data-testid={id}>
      <legend>RPC endpoint: {name}</legend>
      <form className="rl-inline-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-url`}>Your {name} RPC endpoint URL</label>
        <span className="rl-inline">
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://rpc.example.org"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={state.kind === 'invalid' ? true : undefined}
            aria-describedby={`${id}-hint ${id}-status`}
          />
          <button type="submit" className="rl-button">
            Save
          </button>
          <button type="button" className="rl-button rl-button-quiet" onClick={reset}>
            Reset to defaults
          </button>
        </span>
      </form>
      <p className="rl-hint" id={`${id}-hint`}>
        An https URL, or http on this machine. It replaces the defaults for {name}; saving asks your browser for access to that one host. Its chain
        id is checked before use.
      </p>
      <FieldStatus id={`${id}-status`} state={state} />
      <div className="rl-in-use">
        {mine.length ? (
          <>
            <p>In use for {name}:</p>
            <ul>
              {mine.map((u) => (
                <li key={u}>
                  <code>{u}</code>{' '}
                  {granted[u] === undefined ? null : granted[u] ? (
                    <span className="rl-ok-text">access granted</span>
                  ) : (
                    <>
                      <span className="rl-bad-text">access not granted: the defaults are used</span>{' '}
                      <button type="button" className="rl-button rl-button-quiet" onClick={() => allow(u)}>
                        Allow access to {new URL(u).host}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>In use for {name}: the default endpoints, tried in this order:</p>
        )}
        {mine.length > 0 && <p>Default endpoints (used again after Reset to defaults):</p>}
        <ul data-testid={`${id}-defaults`}>
          {defaults.map((u) => (
            <li key={u}>
              <code>{u}</code>
            </li>
          ))}
        </ul>
      </div>
    </fieldset>
  );
}

export function RpcSection({ settings, fields }: { settings: Settings; fields: Fields }) {
  return (
    <>
      {Object.keys(DEFAULT_ENDPOINTS.rpc).map((chain) => (
        <RpcChain key={chain} chain={chain} settings={settings} fields={fields} />
      ))}
    </>
  );
}
