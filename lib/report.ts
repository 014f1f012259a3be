// Runs in: options page, tests. Builds the "report a wrong fact" link: a prefilled new-issue page on the project's
// tracker with the token, the petal and its current fact and level, the source in question, the user's words and the
// versions. Pure: no browser.* calls; the page opens the link. Petal ids and level words come from lib/risk; the
// tracker's URL from lib/report-url.ts.
import type { LevelView, PetalView, SourceView, TokenCardView } from './views/schema';
import { REPORT_ISSUES_URL } from './report-url';
import { SPOKEN } from './risk/levels';
import { PETAL_IDS } from './risk/types';

export { REPORT_ISSUES_URL };

/** Longest link we open. Browsers take far longer ones; GitHub answers 414 somewhere past 8 kB, so stay well under. */
export const REPORT_MAX_URL = 6000;

export const REPORT_PETALS = [...PETAL_IDS, 'other'] as const;
export type ReportPetalId = (typeof REPORT_PETALS)[number];

export const OTHER_FACT_LABEL = 'Other fact';

const LEVEL_WORD: Record<LevelView, string> = SPOKEN;

export interface ReportInput {
  token: { id: string; symbol: string; issuer: string };
  /** A rated petal with its current fact and level, or `other` (a fact outside the six petals). */
  petal: { id: ReportPetalId; label: string; fact: string | null; level: LevelView | null };
  /** The source the user questions (as lib/provenance describeSource words it), or null for none. */
  source: { label: string; href: string | null } | null;
  /** The user's words. Trimmed to keep the link under REPORT_MAX_URL. */
  whatIsWrong: string;
  registryVersion: string;
  methodVersion: string;
  extensionVersion: string;
}

export interface ReportLink {
  url: string;
  /** Characters of the user's text left out to keep the link short enough (0: none). */
  trimmed: number;
}

export function isReportPetal(id: string): id is ReportPetalId {
  return (REPORT_PETALS as readonly string[]).includes(id);
}

/** One line of a markdown list item: line breaks in curated text would break the list. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const TRIM_MARK = ' […trimmed: the link was too long]';

function title(i: ReportInput): string {
  return `Wrong fact: ${i.token.symbol} (${i.token.issuer}), ${i.petal.id === 'other' ? 'other fact' : i.petal.label}`;
}

function body(i: ReportInput, text: string, fact: string | null): string {
  const lines = [
    `- **Token:** ${oneLine(i.token.symbol)} (id \`${i.token.id}\`), issued by ${oneLine(i.token.issuer)}`,
    `- **Petal:** ${i.petal.id}${i.petal.id === 'other' ? '' : ` (${oneLine(i.petal.label)})`}`,
  ];
  if (i.petal.id !== 'other') {
    lines.push(`- **Current fact:** ${fact === null ? '(none)' : oneLine(fact)}`);
    lines.push(`- **Current level:** ${i.petal.level ? `${i.petal.level} (${LEVEL_WORD[i.petal.level]})` : '(none)'}`);
  }
  const src = i.source;
  lines.push(`- **Source:** ${src ? `${oneLine(src.label)}${src.href ? ` <${src.href}>` : ''}` : 'none'}`);
  return [
    ...lines,
    '',
    '### What is wrong',
    '',
    text.trim() ? text : '(not given)',
    '',
    '---',
    `Registry ${i.registryVersion} · method ${i.methodVersion} · Restake Lens ${i.extensionVersion}`,
  ].join('\n');
}

function link(i: ReportInput, text: string, fact: string | null): string {
  const q = new URLSearchParams({ title: title(i), body: body(i, text, fact) });
  return `${REPORT_ISSUES_URL}?${q.toString()}`;
}

/** The longest prefix (in code points, never splitting a pair) for which `fits` holds; `fits('')` is assumed. */
function longestFitting(s: string, fits: (prefix: string) => boolean): string {
  const chars = Array.from(s);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(chars.slice(0, mid).join(''))) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('');
}

/**
 * The new-issue link for a report. Title and body travel as URL-encoded query values (URLSearchParams), so nothing
 * the user types can add or change a parameter. When the link would pass REPORT_MAX_URL, the user's text is cut
 * (and says so); if even the curated fact alone is too long, that is cut too.
 */
export function reportLink(i: ReportInput): ReportLink {
  const full = link(i, i.whatIsWrong, i.petal.fact);
  if (full.length <= REPORT_MAX_URL) return { url: full, trimmed: 0 };
  const fits = (text: string, fact: string | null) => link(i, text, fact).length <= REPORT_MAX_URL;
  if (fits(TRIM_MARK, i.petal.fact)) {
    const kept = longestFitting(i.whatIsWrong, (p) => fits(p + TRIM_MARK, i.petal.fact));
    return { url: link(i, kept + TRIM_MARK, i.petal.fact), trimmed: Array.from(i.whatIsWrong).length - Array.from(kept).length };
  }
  const fact = longestFitting(i.petal.fact ?? '', (p) => fits(TRIM_MARK, `${p}…`));
  const url = link(i, TRIM_MARK, `${fact}…`);
  return { url: url.length <= REPORT_MAX_URL ? url : REPORT_ISSUES_URL, trimmed: Array.from(i.whatIsWrong).length };
}

/** Every distinct source a card cites (for "other fact"), in the card's order. */
export function cardSources(view: TokenCardView): SourceView[] {
  const all = [
    ...view.rating.petals.flatMap((p) => p.sources),
    ...view.slashing.sources,
    ...view.withdrawal.sources,
    ...view.liquidity.sources,
    ...view.peg.rate.sources,
    ...view.audits.flatMap((a) => a.sources),
    ...view.incidents.flatMap((x) => x.sources),
    ...(view.yield.split?.sources ?? []),
    ...view.deployments.flatMap((d) => d.sources),
  ];
  const seen = new Set<string>();
  return all.filter((s) => {
    const k = JSON.stringify(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The sources to offer for a petal: the petal's own, or every source on the card for "other fact". */
export function sourcesFor(view: TokenCardView, petal: ReportPetalId): SourceView[] {
  if (petal === 'other') return cardSources(view);
  return view.rating.petals.find((p) => p.id === petal)?.sources ?? [];
}

/** The report's petal from a card: label, fact and level as the card shows them now. */
export function petalOf(view: TokenCardView, petal: ReportPetalId): ReportInput['petal'] {
  if (petal === 'other') return { id: 'other', label: OTHER_FACT_LABEL, fact: null, level: null };
  const p: PetalView | undefined = view.rating.petals.find((x) => x.id === petal);
  return { id: petal, label: p?.label ?? petal, fact: p?.fact ?? null, level: p?.level ?? null };
}
