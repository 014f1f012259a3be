// The "report a wrong fact" link (lib/report.ts): its shape, what the body carries, encoding of whatever the user
// types, the length cap, and the sources offered, against real card views from the registry.
import { describe, expect, test } from 'vitest';
import { getToken, REGISTRY_VERSION } from '../../../lib/registry';
import { toCardView } from '../../../lib/views/build';
import { METHOD_VERSION } from '../../../lib/risk/types';
import { cardSources, petalOf, REPORT_ISSUES_URL, REPORT_MAX_URL, REPORT_PETALS, reportLink, sourcesFor, type ReportInput } from '../../../lib/report';

const NOW = new Date('2026-11-21T12:00:00Z');
const ezeth = toCardView(getToken('ezeth')!, REGISTRY_VERSION, NOW, { offline: true, live: null });

function input(over: Partial<ReportInput> = {}): ReportInput {
  const petal = petalOf(ezeth, 'peg');
  return {
    token: { id: ezeth.id, symbol: ezeth.symbol, issuer: ezeth.issuer },
    petal,
    source: { label: 'Renzo docs', href: 'https://docs.renzoprotocol.com/docs/' },
    whatIsWrong: 'The rate source moved.',
    registryVersion: ezeth.registryVersion,
    methodVersion: ezeth.rating.methodVersion,
    extensionVersion: '0.1.0',
    ...over,
  };
}

const parse = (url: string) => {
  const u = new URL(url);
  return { base: `${u.origin}${u.pathname}`, keys: [...u.searchParams.keys()], title: u.searchParams.get('title') ?? '', body: u.searchParams.get('body') ?? '' };
};

describe('reportLink', () => {
  test('a new-issue link on the project tracker with a title and a body, and nothing else', () => {
    const { url, trimmed } = reportLink(input());
    expect(url.startsWith(`${REPORT_ISSUES_URL}?`)).toBe(true);
    const p = parse(url);
    expect(p.base).toBe(REPORT_ISSUES_URL);
    expect(p.keys).toEqual(['title', 'body']);
    expect(p.title).toBe('Wrong fact: ezETH (Renzo), Peg and oracle');
    expect(trimmed).toBe(0);
  });

  test('the body carries token, petal with its current fact and level, source, the user’s words and every version', () => {
    const i = input();
    const { body } = parse(reportLink(i).url);
    expect(body).toContain('ezETH (id `ezeth`), issued by Renzo');
    expect(body).toContain('**Petal:** peg (Peg and oracle)');
    expect(i.petal.fact).toBeTruthy();
    expect(body).toContain(`**Current fact:** ${i.petal.fact!.replace(/\s+/g, ' ').trim()}`);
    expect(body).toMatch(new RegExp(`\\*\\*Current level:\\*\\* ${i.petal.level} \\(`));
    expect(body).toContain('**Source:** Renzo docs <https://docs.renzoprotocol.com/docs/>');
    expect(body).toContain('### What is wrong\n\nThe rate source moved.');
    expect(body).toContain(`Registry ${REGISTRY_VERSION} · method ${METHOD_VERSION} · Restake Lens 0.1.0`);
  });

  test('no source and no text say so; "other fact" has no current fact or level', () => {
    const { title, body } = parse(reportLink(input({ petal: petalOf(ezeth, 'other'), source: null, whatIsWrong: '   ' })).url);
    expect(title).toBe('Wrong fact: ezETH (Renzo), other fact');
    expect(body).toContain('**Petal:** other\n');
    expect(body).not.toContain('Current fact');
    expect(body).not.toContain('Current level');
    expect(body).toContain('**Source:** none');
    expect(body).toContain('(not given)');
  });

  test('whatever the user types stays inside the body: no new parameter, fragment or path, and it round-trips exactly', () => {
    const nasty = 'x&title=hijacked&labels=bug&assignees=me #frag ?q=1 <script>alert(1)</script> <img src=x onerror=alert(1)> %41 + é 🙂\nline 2';
    const { url } = reportLink(input({ whatIsWrong: nasty }));
    const p = parse(url);
    expect(p.keys).toEqual(['title', 'body']);
    expect(p.title).toBe('Wrong fact: ezETH (Renzo), Peg and oracle');
    expect(p.body).toContain(nasty);
    expect(new URL(url).hash).toBe('');
    // Nothing that a parser could read as markup or a delimiter is left raw in the link.
    expect(url.slice(REPORT_ISSUES_URL.length + 1)).not.toMatch(/[<>#"' \n]/);
  });

  test('a long text is cut to keep the link within the cap, says so, and keeps a prefix of what was typed', () => {
    const long = 'The withdrawal delay is seven days, not ten. '.repeat(400);
    const { url, trimmed } = reportLink(input({ whatIsWrong: long }));
    expect(url.length).toBeLessThanOrEqual(REPORT_MAX_URL);
    // Close to the cap, not cut far more than needed.
    expect(url.length).toBeGreaterThan(REPORT_MAX_URL - 200);
    const { body } = parse(url);
    const said = body.split('### What is wrong\n\n')[1]!.split('\n\n---')[0]!;
    expect(said.endsWith('[…trimmed: the link was too long]')).toBe(true);
    const kept = said.slice(0, said.indexOf(' […trimmed'));
    expect(long.startsWith(kept)).toBe(true);
    expect(trimmed).toBe(long.length - kept.length);
    // The facts the maintainers need are never the part that is cut.
    expect(body).toContain('Registry ');
    expect(body).toContain('**Source:** Renzo docs');
  });

  test('cutting never splits a character made of two code units', () => {
    const long = '🙂'.repeat(3000);
    const { url, trimmed } = reportLink(input({ whatIsWrong: long }));
    expect(url.length).toBeLessThanOrEqual(REPORT_MAX_URL);
    expect(trimmed).toBeGreaterThan(0);
    expect(parse(url).body.isWellFormed()).toBe(true);
    expect(() => decodeURIComponent(url.split('body=')[1]!.replace(/\+/g, ' '))).not.toThrow();
  });

  test('a text just at the cap is kept whole', () => {
    // Each "a" is one URL character: a one-letter text measures the rest.
    const room = REPORT_MAX_URL - reportLink(input({ whatIsWrong: 'a' })).url.length + 1;
    const r = reportLink(input({ whatIsWrong: 'a'.repeat(room) }));
    expect(r.url.length).toBe(REPORT_MAX_URL);
    expect(r.trimmed).toBe(0);
    const over = reportLink(input({ whatIsWrong: 'a'.repeat(room + 1) }));
    expect(over.trimmed).toBeGreaterThan(0);
    expect(over.url.length).toBeLessThanOrEqual(REPORT_MAX_URL);
  });
});

describe('sources offered', () => {
  test('a petal offers its own sources; "other fact" offers every source on the card once', () => {
    for (const p of REPORT_PETALS.filter((x) => x !== 'other')) {
      expect(sourcesFor(ezeth, p)).toEqual(ezeth.rating.petals.find((x) => x.id === p)!.sources);
    }
    const all = sourcesFor(ezeth, 'other');
    expect(all).toEqual(cardSources(ezeth));
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((s) => JSON.stringify(s))).size).toBe(all.length);
    for (const s of ezeth.audits.flatMap((a) => a.sources)) expect(all).toContainEqual(s);
  });

  test('petalOf reads label, fact and level from the card', () => {
    const card = ezeth.rating.petals.find((p) => p.id === 'code')!;
    expect(petalOf(ezeth, 'code')).toEqual({ id: 'code', label: card.label, fact: card.fact, level: card.level });
    expect(petalOf(ezeth, 'other')).toEqual({ id: 'other', label: 'Other fact', fact: null, level: null });
  });
});
