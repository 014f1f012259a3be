// Accessibility checks for the e2e tests: runs axe-core (node_modules/axe-core/axe.min.js, the installed version)
// inside a playwright page and returns its violations in a compact, readable form.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { ROOT } from './env.ts';

export interface AxeViolation {
  /** The rule, e.g. `color-contrast`. */
  id: string;
  impact: string | null;
  help: string;
  /** Each failing element: its selector and axe's summary of what to fix. */
  nodes: string[];
}

let source: Promise<string> | undefined;

/** Every axe-core violation on the page as it is now (whole document, all rules axe enables by default). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  source ??= readFile(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
  const code = await source;
  // Evaluated through the DevTools protocol, so the page's own Content-Security-Policy does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(code);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: RunOptions): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
    }));
  });
}

/** One block per violation, for assertion messages. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    - ${n}`).join('\n')}`).join('\n');
}
