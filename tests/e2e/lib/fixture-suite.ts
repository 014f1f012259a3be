// One node:test test per fixture page, with one subtest for the page as loaded and one per step, the same in
// both browsers: each browser test file only says how to open a page, read all its frames, click and hover.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { ROOT } from './env.ts';
import { FIXTURES, badEntries, matches, mismatches, type Snapshot } from './fixtures.ts';
import { poll } from './poll.ts';

export interface PageDriver {
  /** readExpectations() in every frame of the page, merged. */
  read(): Promise<Snapshot>;
  click(selector: string): Promise<void>;
  /** Moves the pointer onto the first mark inside the element `within` finds (waiting for the mark). */
  hoverMark(within: string): Promise<void>;
  /** True when the card host's open shadow root holds a [role="dialog"]. */
  cardOpen(): Promise<boolean>;
  close(): Promise<void>;
}

export interface SuiteOptions {
  browser: string;
  open(path: string): Promise<PageDriver>;
  registryIds(): Promise<ReadonlySet<string>>;
  wait(read: () => Promise<Snapshot>, timeoutMs?: number): Promise<Snapshot>;
}

/** Outcome per test, written to test-results/fixtures-<browser>.json for a quick overview. */
const outcomes: Record<string, { ok: boolean; differ?: ReturnType<typeof mismatches>; errors?: string[] }> = {};

function check(name: string, s: Snapshot, ids: ReadonlySet<string>): void {
  outcomes[name] = matches(s) ? { ok: true } : { ok: false, differ: mismatches(s), errors: s.errors };
  assert.deepEqual(badEntries(s, ids), [], 'data-expect names an unknown registry id or kind (fixture typo)');
  assert.deepEqual(s.errors, [], 'forgeries intact, every mark a stretch of the page’s own text, no extension markup in the page');
  const m = mismatches(s);
  const differ = Object.keys(m.expected).length + m.more;
  assert.deepEqual(m.actual, m.expected, `${differ} element(s) differ from their data-expect${m.more ? ` (first ${Object.keys(m.expected).length} shown)` : ''}`);
}

export function fixtureSuite(opts: SuiteOptions): void {
  for (const fx of FIXTURES) {
    test(`${opts.browser}: fixture ${fx.page}`, async (t) => {
      const ids = await opts.registryIds();
      const page = await opts.open(`/fixtures/${fx.page}`);
      try {
        const loaded = `${fx.page} as loaded`;
        await t.test(loaded, async () => check(loaded, await opts.wait(page.read, fx.timeoutMs), ids));
        for (const [i, step] of (fx.steps ?? []).entries()) {
          const name = `${fx.page} step ${i + 1}: click ${step.click}${step.then ? ` → ${step.then}` : ''}`;
          await t.test(name, async () => {
            await page.click(step.click);
            check(name, await opts.wait(page.read, fx.timeoutMs), ids);
          });
        }
      } finally {
        await page.close();
      }
    });
  }

  test(`${opts.browser}: hovering a mark on the strict-CSP page opens the card`, async () => {
    const page = await opts.open('/fixtures/strict-csp.html');
    try {
      await page.hoverMark('#csp-ezeth');
      await poll(() => page.cardOpen(), (open) => open, { timeoutMs: 5_000, what: 'a [role="dialog"] in the [data-lrt-card] host’s shadow root' });
    } finally {
      await page.close();
    }
  });

  after(async () => {
    await mkdir(`${ROOT}test-results`, { recursive: true });
    await writeFile(`${ROOT}test-results/fixtures-${opts.browser.toLowerCase()}.json`, `${JSON.stringify(outcomes, null, 2)}\n`);
  });
}
