// Presentational: the hover card and the popup's detail view for one token. No browser.* calls.
import { isRestaking } from '../lib/categories';
import type { MisnomerView, PetalView, TokenCardView } from '../lib/views/schema';
import { FactLine, SourceLinks, Unverified } from './sources';
import { LEVEL_WORD, Rosette } from './rosette';
import { chainName, explorerUrl, shortAddress } from '../lib/chains';
import { Sparkline } from './sparkline';
import { agoText } from '../lib/age';
import { SlashingSection } from './slashing-section';
import { BackingSection } from './backing-section';
import { AdminSection } from './admin-section';

export type CardState =
  | { status: 'loading'; symbol: string }
  /** `impostor`: the page tied this token's name to an address that is not one of its deployments. */
  | { status: 'ready'; view: TokenCardView; impostor?: { address: string } }
  | { status: 'misnomer'; view: MisnomerView }
  | { status: 'error'; symbol: string; message: string };

const MODEL: Record<TokenCardView['peg']['model'], string> = {
  rebasing: 'Rebasing: the balance grows, one token tracks one unit of the underlying.',
  'value-accruing': 'Value-accruing: the balance stays, each token is redeemable for a growing amount of the underlying.',
  'one-to-one': 'One-to-one: each token stands for one unit of the underlying.',
};

const CATEGORY: Record<string, string> = {
  lrt: 'Liquid restaking token',
  'btc-lrt': 'BTC restaking token',
  'sol-lrt': 'SOL restaking token',
  'restaking-vault': 'Restaking vault share',
  lst: 'Liquid staking token',
};

/** "bundled, as of 2026-11-02" / "live, 4 min ago": where a petal's fact comes from and how old it is. */
export function ageText(p: Pick<PetalView, 'method' | 'asOf'>, now: Date = new Date()): string {
  if (!p.asOf) return 'no data';
  if (p.method === 'curated') return `bundled, as of ${p.asOf}`;
  return `live, ${agoText(p.asOf, now)} ago`;
}

/** Live figures with their ages; a figure past its time-to-live is grey and says it is the last good value. */
function LiveSection({ live, titleId }: { live: TokenCardView['live']; titleId: string }) {
  return (
    <section aria-labelledby={`${titleId}-live`} data-live-mode={live.mode}>
      <h3 id={`${titleId}-live`}>Live data</h3>
      {live.note && (
        <p className="rl-fact rl-live-note" role="status" data-live-note="">
          {live.note}
        </p>
      )}
      {live.facts.length > 0 && (
        <ul className="rl-list rl-live">
          {live.facts.map((f) => (
            <li key={f.id} data-live={f.id} data-fresh={String(f.fresh)} className={f.fresh ? undefined : 'rl-stale'}>
              <span className={`rl-dot ${f.fresh ? 'rl-live-dot' : 'rl-unknown'}`} role="img" aria-label={f.fresh ? 'fresh' : 'out of date'} /> <strong>{f.label}</strong>:{' '}
              {f.text} <SourceLinks sources={f.sources} />{' '}
              <span className="rl-age">({f.fresh ? `live, ${agoText(f.okAt)} ago` : `last good value, ${agoText(f.okAt)} ago`})</span>
              {f.failing && !f.fresh && <span className="rl-failing"> Failing now: {f.failing}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PetalRow({ p }: { p: PetalView }) {
  return (
    <li className="rl-petal" data-petal={p.id} data-level={p.level}>
      <span className={`rl-dot rl-${p.level}`} role="img" aria-label={LEVEL_WORD[p.level]} />
      <span>
        <strong>{p.label}</strong>: {p.fact} {p.asOf && !p.verified && <Unverified verified={false} />}
        <SourceLinks sources={p.sources} /> <span className="rl-age">({ageText(p)})</span>
      </span>
    </li>
  );
}

function ImpostorWarning({ v, address }: { v: TokenCardView; address: string }) {
  return (
    <div className="rl-impostor" data-impostor={address}>
      <p>
        <strong>Not a known {v.symbol} contract.</strong> This page ties “{v.symbol}” to <code title={address}>{shortAddress(address)}</code>, which
        is not one of the {v.deployments.length} {v.symbol} contracts in the registry. It may be a fake token using the name, or a deployment the
        registry has not recorded yet: check the address with {v.issuer} before you trade.
      </p>
      <details>
        <summary>Known {v.symbol} contracts</summary>
        <ul className="rl-list">
          {v.deployments.map((d) => (
            <li key={d.chain + d.address}>
              {chainName(d.chain)}: <code title={d.address}>{shortAddress(d.address)}</code>
              {d.kind ? ` (${d.kind})` : ''} <SourceLinks sources={d.sources} />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function MisnomerCard({ v, titleId }: { v: MisnomerView; titleId: string }) {
  return (
    <div className="rl-card" role="dialog" aria-labelledby={titleId} data-misnomer={v.id}>
      <header className="rl-head">
        <h2 id={titleId} className="rl-symbol" tabIndex={-1}>
          {v.term}
        </h2>
        <div className="rl-headline rl-warning">Not a token by this name</div>
      </header>
      <p className="rl-fact">
        {v.explanation} <SourceLinks sources={v.sources} />
      </p>
      {v.seeAlso.length > 0 && (
        <p className="rl-fact">
          Real tokens it is confused with: {v.seeAlso.map((t) => `${t.symbol} (${t.issuer})`).join(', ')}.
        </p>
      )}
    </div>
  );
}

/** Every contract of the token, with a link to its chain's explorer. */
function Deployments({ v, titleId }: { v: TokenCardView; titleId: string }) {
  return (
    <section aria-labelledby={`${titleId}-deployments`} data-deployments="">
      <h3 id={`${titleId}-deployments`}>Deployments</h3>
      <ul className="rl-list">
        {v.deployments.map((d) => {
          const url = explorerUrl(d.chain, d.address);
          return (
            <li key={d.chain + d.address}>
              {chainName(d.chain)}:{' '}
              {url ? (
                <a href={url} target="_blank" rel="noopener noreferrer" title={d.address}>
                  <code>{shortAddress(d.address)}</code>
                  <span className="rl-sr"> on the {chainName(d.chain)} explorer (full address {d.address})</span>
                </a>
              ) : (
                <code title={d.address}>{shortAddress(d.address)}</code>
              )}
              {d.kind ? ` (${d.kind})` : ''} <SourceLinks sources={d.sources} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const pct = (n: number) => `${n.toFixed(2)}%`;

/** Why the card shows no split into base staking yield and restaking premium. */
function splitMissing(v: TokenCardView): string {
  if (!isRestaking(v.category)) return 'not applicable: a liquid staking token earns plain staking yield, with no restaking premium.';
  if (v.category === 'btc-lrt' || v.category === 'sol-lrt') return 'not known: there is no plain-staking benchmark for this asset in the registry (only ETH has one, Lido stETH).';
  if (v.live.mode === 'offline') return 'not shown in offline mode.';
  return 'not known (no fresh live APY for this token and the plain-staking benchmark).';
}
const signedPct = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(2)}%`;

export interface DetailOptions {
  /** Opens the report form for this token. */
  onReport: () => void;
}

export function TokenCard({
  state,
  titleId,
  onMethod,
  detail,
}: {
  state: CardState;
  titleId: string;
  onMethod?: (hash: string) => void;
  /** The popup's full detail: deployments with explorer links and the report control. The hover card omits them. */
  detail?: DetailOptions;
}) {
  if (state.status === 'misnomer') return <MisnomerCard v={state.view} titleId={titleId} />;
  if (state.status !== 'ready') {
    return (
      <div className="rl-card" role="dialog" aria-labelledby={titleId} aria-busy={state.status === 'loading'}>
        <header className="rl-head">
          <h2 id={titleId} className="rl-symbol" tabIndex={-1}>
            {state.symbol}
          </h2>
        </header>
        <p className="rl-muted">{state.status === 'loading' ? 'Loading…' : `Could not load this token: ${state.message}`}</p>
      </div>
    );
  }
  const v = state.view;
  return (
    <div className="rl-card" role="dialog" aria-labelledby={titleId} data-token={v.id}>
      {state.impostor && <ImpostorWarning v={v} address={state.impostor.address} />}
      <header className="rl-head rl-head-rated">
        <Rosette petals={v.rating.petals} label={`${v.symbol} risk rosette: ${v.rating.text}`} />
        <div>
          <h2 id={titleId} className="rl-symbol" tabIndex={-1}>
            {v.symbol}
          </h2>
          <div className="rl-name">
            {v.name} · <span className="rl-issuer">issued by {v.issuer}</span>
          </div>
          <div className="rl-muted">
            {CATEGORY[v.category] ?? v.category}
            {v.layers.length ? ` on ${v.layers.join(', ')}` : ''}
          </div>
          <div className={`rl-headline rl-${v.rating.worst}`} data-worst={v.rating.worst}>
            {v.rating.text}
          </div>
        </div>
      </header>
      <section aria-labelledby={`${titleId}-rating`}>
        <h3 id={`${titleId}-rating`}>Rating</h3>
        <ul className="rl-petals">
          {v.rating.petals.map((p) => (
            <PetalRow key={p.id} p={p} />
          ))}
        </ul>
        {v.notes.length > 0 && (
          <ul className="rl-notes">
            {v.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </section>
      <LiveSection live={v.live} titleId={titleId} />
      <section aria-labelledby={`${titleId}-slashing`} data-slashing="">
        <h3 id={`${titleId}-slashing`}>Slashing</h3>
        {v.slashingLive && <SlashingSection view={v.slashingLive} detail={!!detail} />}
        <FactLine fact={v.slashing} />
      </section>
      {v.adminLive && (
        <section aria-labelledby={`${titleId}-admin`} data-admin="">
          <h3 id={`${titleId}-admin`}>Admin and upgrades</h3>
          <AdminSection view={v.adminLive} detail={!!detail} />
        </section>
      )}
      {v.backingLive && (
        <section aria-labelledby={`${titleId}-backing`} data-backing="">
          <h3 id={`${titleId}-backing`}>Backing</h3>
          <BackingSection view={v.backingLive} detail={!!detail} />
        </section>
      )}
      <section aria-labelledby={`${titleId}-liquidity`}>
        <h3 id={`${titleId}-liquidity`}>Liquidity</h3>
        <FactLine fact={v.withdrawal} />
        <FactLine fact={v.liquidity} />
      </section>
      <section aria-labelledby={`${titleId}-audits`}>
        <h3 id={`${titleId}-audits`}>Audits</h3>
        {v.audits.length ? (
          <ul className="rl-list">
            {v.audits.map((a) => (
              <li key={`${a.firm}-${a.date ?? ''}-${a.scope}`}>
                <Unverified verified={a.verified} /> <strong>{a.firm}</strong> {a.date ?? 'date not stated'}: {a.scope}{' '}
                <SourceLinks sources={a.sources} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="rl-fact">
            <Unverified verified={false} /> No audit report found in the sources checked. That is not proof there is none.
          </p>
        )}
      </section>
      <section aria-labelledby={`${titleId}-yield`}>
        <h3 id={`${titleId}-yield`}>Yield</h3>
        <p className="rl-fact">
          {/* The registry names yield sources without a citation of their own: shown as unverified. */}
          <Unverified verified={false} /> Earns from: {v.yield.sources.length ? v.yield.sources.join('; ') : 'not stated in the sources checked'}.
        </p>
        {v.yield.split ? (
          <p className="rl-fact" data-yield-split="">
            {v.yield.split.totalApyPct.toFixed(2)}% APY = plain ETH staking (benchmark: Lido stETH) {v.yield.split.baseApyPct.toFixed(2)}% + restaking premium{' '}
            {v.yield.split.premiumApyPct.toFixed(2)}% <SourceLinks sources={v.yield.split.sources} />{' '}
            <span className="rl-age">({ageText({ method: 'live', asOf: v.yield.split.asOf })})</span>
          </p>
        ) : (
          <p className="rl-fact rl-muted">
            <span className="rl-dot rl-unknown" role="img" aria-label={LEVEL_WORD.unknown} /> Split into base staking yield and restaking premium:{' '}
            {splitMissing(v)}
          </p>
        )}
        {v.live.apyHistory.length > 1 && (
          <p className="rl-fact rl-spark-row">
            APY history ({v.live.apyHistory.length} daily points): <Sparkline values={v.live.apyHistory} label={`${v.symbol} APY, ${v.live.apyHistory.length} daily points`} format={pct} />
          </p>
        )}
      </section>
      <section aria-labelledby={`${titleId}-peg`}>
        <h3 id={`${titleId}-peg`}>Peg</h3>
        <p className="rl-fact">{MODEL[v.peg.model]}</p>
        <FactLine fact={v.peg.rate} />
        {v.rating.petals
          .filter((p) => p.id === 'peg')
          .map((p) => (
            <p key={p.id} className="rl-fact">
              <span className={`rl-dot rl-${p.level}`} role="img" aria-label={LEVEL_WORD[p.level]} /> Market price against redemption value: {p.fact}{' '}
              <SourceLinks sources={p.sources} /> <span className="rl-age">({ageText(p)})</span>
            </p>
          ))}
        {v.live.pegHistory.length > 1 && (
          <p className="rl-fact rl-spark-row">
            Deviation from redemption value, up to 7 days (every 4 h):{' '}
            <Sparkline values={v.live.pegHistory} label={`${v.symbol} peg deviation, ${v.live.pegHistory.length} points 4 hours apart`} format={signedPct} baseline={0} />
          </p>
        )}
      </section>
      {v.incidents.length > 0 && (
        <section aria-labelledby={`${titleId}-incidents`}>
          <h3 id={`${titleId}-incidents`}>Incidents</h3>
          <ul className="rl-list">
            {v.incidents.map((i) => (
              <li key={i.date + i.summary}>
                <strong>{i.date}</strong>: {i.summary} <SourceLinks sources={i.sources} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {detail && <Deployments v={v} titleId={titleId} />}
      <footer className="rl-foot">
        Bundled data, reviewed {v.reviewedAt} · registry {v.registryVersion} ·{' '}
        {onMethod ? (
          <button type="button" className="rl-link" onClick={() => onMethod('')} data-open-method="">
            method {v.rating.methodVersion}
          </button>
        ) : (
          <>method {v.rating.methodVersion}</>
        )}
        {detail && (
          <>
            {' · '}
            <button type="button" className="rl-link" onClick={detail.onReport} data-report="">
              Report a wrong fact
            </button>
          </>
        )}
      </footer>
    </div>
  );
}
