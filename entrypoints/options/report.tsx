// Runs in: options page. "Report a wrong fact": pick a token, a petal and the source in question, say what is wrong,
// and open a prefilled new issue on the project's tracker in a new tab (nothing is sent until the user submits it
// there). `options.html?report=<tokenId>&petal=<petalId>#report` preselects the token and petal and focuses here.
import { describeSource } from '../../lib/provenance';
import { WORDS } from '../../lib/risk/levels';
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import type { TokenCardView } from '../../lib/views/schema';
import { isReportPetal, OTHER_FACT_LABEL, petalOf, REPORT_PETALS, reportLink, sourcesFor, type ReportPetalId } from '../../lib/report';
import { PETALS } from '../../lib/risk/types';
import type { RegistryState } from './app';
import { errorText } from './fields';

/** The last card answer, for the token it was asked for (a different token selected since means: loading). */
type CardAnswer = { id: string; view: TokenCardView } | { id: string; error: string };

const LEVEL_WORD = WORDS;

const petalLabel = (id: ReportPetalId) => (id === 'other' ? OTHER_FACT_LABEL : (PETALS.find((p) => p.id === id)?.label ?? id));

/** The preselection from the page address, when it names one. */
function fromAddress(): { token: string | null; petal: ReportPetalId | null } {
  const q = new URLSearchParams(location.search);
  const petal = q.get('petal');
  return { token: q.get('report'), petal: petal && isReportPetal(petal) ? petal : null };
}

export function ReportSection({ registry }: { registry: RegistryState }) {
  const [want] = useState(fromAddress);
  const [chosen, setChosen] = useState(want.token ?? '');
  const [petal, setPetal] = useState<ReportPetalId>(want.petal ?? 'slashing');
  const [source, setSource] = useState('');
  const [text, setText] = useState('');
  const [card, setCard] = useState<CardAnswer | null>(null);
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);

  // A token named in the address but not in the registry is not selected, and the page says so.
  const known = registry.status === 'ready' && registry.tokens.some((t) => t.id === chosen);
  const tokenId = known ? chosen : '';
  const unknownWanted = registry.status === 'ready' && want.token !== null && chosen === want.token && !known;

  // Arriving at #report or with a token to report: bring the section into view and move focus to its heading once
  // the registry has loaded (so the preselected token shows).
  useEffect(() => {
    if (focused.current || registry.status === 'loading' || (location.hash !== '#report' && !want.token)) return;
    focused.current = true;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [registry, want.token]);

  useEffect(() => {
    if (!tokenId) return;
    let live = true;
    send('token:card', { id: tokenId }).then(
      (view) => live && setCard({ id: tokenId, view }),
      (err: unknown) => live && setCard({ id: tokenId, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [tokenId]);

  const answer = card && card.id === tokenId ? card : null;
  const loading = tokenId !== '' && answer === null;
  const view = answer && 'view' in answer ? answer.view : null;
  const sources = view ? sourcesFor(view, petal) : [];
  const current = view ? petalOf(view, petal) : null;
  const chosenSource = source === '' ? null : (sources[Number(source)] ?? null);
  const link = view
    ? reportLink({
        token: { id: view.id, symbol: view.symbol, issuer: view.issuer },
        petal: current!,
        source: chosenSource ? describeSource(chosenSource) : null,
        whatIsWrong: text,
        registryVersion: view.registryVersion,
        methodVersion: view.rating.methodVersion,
        extensionVersion: browser.runtime.getManifest().version,
      })
    : null;

  const open = () => {
    if (!tokenId) return setMessage('Choose the token first.');
    if (!link) return setMessage('The token’s card is not loaded yet; try again in a moment.');
    void browser.tabs.create({ url: link.url }).then(
      () => setMessage(`Opened a new issue on GitHub in a new tab${link.trimmed ? `; ${link.trimmed} characters of your text did not fit in the link, paste them there` : ''}.`),
      (err: unknown) => setMessage(`Could not open the tab: ${errorText(err)}`),
    );
  };

  return (
    <section className="rl-section" id="report" aria-labelledby="report-title">
      <h2 id="report-title" tabIndex={-1} ref={heading}>
        Report a wrong fact
      </h2>
      <p className="rl-hint">
        This opens a prefilled new issue on the project’s GitHub tracker in a new tab, with the token, the fact as shown now, its source and the
        versions. Nothing is sent until you submit it there; a GitHub account is needed.
      </p>
      <fieldset className="rl-fieldset">
        <legend>Which fact</legend>
        <div className="rl-field">
          <label htmlFor="report-token">Token</label>
          <select
            id="report-token"
            value={tokenId}
            onChange={(e) => {
              setChosen(e.target.value);
              setSource('');
            }}
            disabled={registry.status !== 'ready'}
            aria-describedby={unknownWanted ? 'report-token-unknown' : undefined}
          >
            <option value="">{registry.status === 'loading' ? 'Loading the registry…' : 'Choose a token'}</option>
            {registry.status === 'ready' &&
              registry.tokens.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.symbol} ({t.issuer})
                </option>
              ))}
          </select>
          {registry.status === 'error' && <p role="alert">Could not load the token list: {registry.message}</p>}
          {unknownWanted && (
            <p id="report-token-unknown" className="rl-bad-text">
              There is no token “{want.token!.slice(0, 64)}” in the registry: choose one.
            </p>
          )}
        </div>
        <div className="rl-field">
          <label htmlFor="report-petal">Petal</label>
          <select
            id="report-petal"
            value={petal}
            onChange={(e) => {
              if (isReportPetal(e.target.value)) setPetal(e.target.value);
              setSource('');
            }}
          >
            {REPORT_PETALS.map((p) => (
              <option key={p} value={p}>
                {petalLabel(p)}
              </option>
            ))}
          </select>
        </div>
        {loading && <p className="rl-muted">Loading the card…</p>}
        {answer && 'error' in answer && <p role="alert">Could not load this token’s card: {answer.error}</p>}
        {current && current.id !== 'other' && (
          <p className="rl-current" data-testid="report-current">
            <strong>Shown now:</strong> {current.fact ?? 'no fact'} {current.level && <span>({LEVEL_WORD[current.level]})</span>}
          </p>
        )}
        <div className="rl-field">
          <label htmlFor="report-source">Source in question</label>
          <select id="report-source" value={source} onChange={(e) => setSource(e.target.value)} disabled={!view} aria-describedby="report-source-hint">
            <option value="">None</option>
            {sources.map((s, i) => (
              <option key={i} value={String(i)}>
                {describeSource(s).label}
              </option>
            ))}
          </select>
          <p className="rl-hint" id="report-source-hint">
            {view ? (petal === 'other' ? 'Every source this token’s card cites.' : 'The sources this petal’s fact cites.') : 'Choose a token to see its sources.'}
          </p>
        </div>
      </fieldset>
      <div className="rl-field">
        <label htmlFor="report-text">What is wrong</label>
        <textarea
          id="report-text"
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="report-text-hint"
        />
        <p className="rl-hint" id="report-text-hint">
          What the right fact is, and where it is confirmed (a link to a primary source helps most).
          {link && link.trimmed > 0 && ` Too long for one link: the last ${link.trimmed} characters will be left out, paste them into the issue.`}
        </p>
      </div>
      <p className="rl-inline">
        <button type="button" className="rl-button" onClick={open} data-testid="report-open">
          Open a new issue on GitHub
        </button>
        <span role="status" className="rl-field-status" data-testid="report-status">
          {message}
        </span>
      </p>
    </section>
  );
}
