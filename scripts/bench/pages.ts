// The bench pages, generated deterministically (same bytes on every run) and written to a temp dir that
// scripts/serve.ts serves on 127.0.0.1. Each page states how many marks a complete pass must produce.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchPage {
  file: string;
  /** Marks (`lrt-mark[data-lrt-token]`) expected once marking is complete. */
  expectedMarks: number;
}

/** Small LCG: deterministic numbers without Math.random. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HEAD = (title: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:16px}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:right}</style>
</head><body>`;

/** (a) A wallet's holdings: `rows` rows of five cells; ezETH every 10th row, weETH every 25th (ezETH wins). */
export function holdingsPage(rows: number): { html: string; expectedMarks: number } {
  const rand = rng(20_000);
  const out: string[] = [HEAD(`Holdings (${rows} rows)`), '<h1>Holdings</h1><table><thead><tr><th>#</th><th>Asset</th><th>Amount</th><th>Value (USD)</th><th>24h</th></tr></thead><tbody>'];
  let expected = 0;
  for (let i = 0; i < rows; i++) {
    let asset: string;
    if (i % 10 === 0) asset = 'ezETH';
    else if (i % 25 === 0) asset = 'weETH';
    else asset = i % 2 ? 'WETH' : 'USDC';
    if (asset === 'ezETH' || asset === 'weETH') expected++;
    const amount = rand() * 100;
    const price = asset === 'USDC' ? 1 : 3000 + rand() * 400;
    const change = (rand() - 0.5) * 10;
    out.push(
      `<tr><td>${i + 1}</td><td>${asset}</td><td>${amount.toFixed(4)}</td><td>${(amount * price).toFixed(2)}</td><td>${change.toFixed(2)}%</td></tr>\n`,
    );
  }
  out.push('</tbody></table></body></html>');
  return { html: out.join(''), expectedMarks: expected };
}

// Words of ordinary crypto prose. Nothing here is in the registry (stETH is, so it is left out).
const WORDS = (
  'the a of to and in on for with as at by from that this it is was are be has have not but or more ' +
  'ETH WETH Ether ETH ETH USDC DAI gas fee block validator deposit withdrawal bridge rollup liquidity ' +
  'pool swap yield price market trader wallet network protocol staking reward epoch slot chain L2 mainnet ' +
  'transaction contract upgrade governance vote proposal treasury risk collateral loan borrow lend rate'
).split(' ');

/** (b) A long article with no restaking token: `paragraphs` paragraphs of ~60 words. */
export function prosePage(paragraphs: number): { html: string; expectedMarks: number } {
  const rand = rng(3_000);
  const out: string[] = [HEAD(`Market notes (${paragraphs} paragraphs)`), '<article><h1>Market notes</h1>'];
  for (let p = 0; p < paragraphs; p++) {
    const words: string[] = [];
    for (let w = 0; w < 60; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    // Some inline markup, as real articles have.
    if (p % 3 === 0) words[10] = `<a href="#p${p}">${words[10]}</a>`;
    if (p % 5 === 0) words[20] = `<em>${words[20]}</em>`;
    out.push(`<p id="p${p}">${words.join(' ')}.</p>\n`);
  }
  out.push('</article></body></html>');
  return { html: out.join(''), expectedMarks: 0 };
}

export const FEED = { batches: 100, perBatch: 50, everyMs: 100 } as const;
const FEED_TOKENS = ['ezETH', 'weETH', 'rsETH'] as const;

/**
 * (c) A live feed. `window.__feed.start()` appends FEED.perBatch rows every FEED.everyMs ms, FEED.batches
 * times, scrolled to the newest. Every row carries one token in its third cell. The page records performance.now() at each append
 * and, once per animation frame from CSS.highlights, when a mark first covers text in that row.
 * Before start, the page shows one mark in its heading (the bench waits for it: the extension is ready).
 */
export function feedPage(): { html: string; expectedMarks: number } {
  const script = `
(() => {
  const tbody = document.getElementById('feed');
  const total = ${FEED.batches * FEED.perBatch};
  const appendedAt = new Float64Array(total).fill(-1);
  const markedAt = new Float64Array(total).fill(-1);
  const tokens = ${JSON.stringify(FEED_TOKENS)};
  // Marks are ranges in CSS.highlights (any build's, under lrt:<id>:<kind>): each animation frame, every range
  // is looked at and each new one's row is stamped. (Not only highlights whose size changed: a build that adds and
  // removes ranges in the same frame keeps the size.) Bare pages have none, so this costs them nothing; with the
  // extension it is page time, counted as the page's.
  const seen = new WeakSet();
  const poll = () => {
    const now = performance.now();
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('lrt:')) continue;
      for (const r of h) {
        if (seen.has(r)) continue;
        seen.add(r);
        const tr = r.startContainer.parentElement && r.startContainer.parentElement.closest('tr[data-i]');
        if (!tr) continue;
        const i = Number(tr.dataset.i);
        if (markedAt[i] < 0) markedAt[i] = now;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  const feed = (window.__feed = { started: -1, ended: -1, appended: 0,
    start() {
      let batch = 0;
      feed.started = performance.now();
      const id = setInterval(() => {
        const now = performance.now();
        for (let k = 0; k < ${FEED.perBatch}; k++) {
          const i = feed.appended++;
          const tr = document.createElement('tr');
          tr.dataset.i = String(i);
          for (const text of ['#' + (i + 1), 'Deposit', tokens[i % tokens.length], (i * 0.37 % 50).toFixed(3), '0x' + (i * 2654435761 >>> 0).toString(16)]) {
            const td = document.createElement('td');
            td.textContent = text;
            tr.append(td);
          }
          tbody.append(tr);
          appendedAt[i] = now;
        }
        // The page follows its newest rows, as a log or a chat does: each new row is on screen when it arrives.
        document.scrollingElement.scrollTop = document.scrollingElement.scrollHeight;
        if (++batch === ${FEED.batches}) { clearInterval(id); feed.ended = performance.now(); }
      }, ${FEED.everyMs});
    },
    results() {
      const lat = [];
      let missing = 0;
      for (let i = 0; i < feed.appended; i++) {
        if (markedAt[i] < 0) missing++;
        else lat.push(markedAt[i] - appendedAt[i]);
      }
      return { appended: feed.appended, missing, latencies: lat, durationMs: feed.ended - feed.started };
    },
  });
})();`;
  const html = `${HEAD('Live feed')}<h1>Live deposits (ezETH)</h1><table><thead><tr><th>#</th><th>Kind</th><th>Asset</th><th>Amount</th><th>Tx</th></tr></thead><tbody id="feed"></tbody></table>
<script>${script}</script></body></html>`;
  return { html, expectedMarks: 1 + FEED.batches * FEED.perBatch };
}

export interface BenchPages {
  dir: string;
  holdings: BenchPage;
  prose: BenchPage;
  feed: BenchPage;
}

export async function writeBenchPages(opts: { rows: number; paragraphs: number }): Promise<BenchPages> {
  const dir = await mkdtemp(join(tmpdir(), 'rl-bench-pages-'));
  const pages = {
    holdings: { file: 'holdings.html', ...holdingsPage(opts.rows) },
    prose: { file: 'prose.html', ...prosePage(opts.paragraphs) },
    feed: { file: 'feed.html', ...feedPage() },
  };
  for (const p of Object.values(pages)) await writeFile(join(dir, p.file), p.html);
  return {
    dir,
    holdings: { file: pages.holdings.file, expectedMarks: pages.holdings.expectedMarks },
    prose: { file: pages.prose.file, expectedMarks: pages.prose.expectedMarks },
    feed: { file: pages.feed.file, expectedMarks: pages.feed.expectedMarks },
  };
}
