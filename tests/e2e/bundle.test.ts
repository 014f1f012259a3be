// Checks on the built output, where the lint boundary cannot see: a content script could pull in viem or zod
// classic through a chain of imports that each look harmless. Runs after the builds (npm test builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv3'];
/** Strings only their library's code contains. */
const MARKERS: Array<[string, RegExp]> = [
  ["viem", /viem@|ContractFunctionExecutionError/],
  ['zod classic', /[`"']Zod(String|Object|Array|Number)[`"']/],
];

/** What issue 17 keeps out of pages: the background validates replies and renders the card (lib/views/card-tree). */
const PAGE_MARKERS: Array<[string, RegExp]> = [
  ['zod/mini', /[`"']ZodMini(Object|String|Type)[`"']/],
  ['React', /react\.(transitional\.)?element|__CLIENT_INTERNALS_DO_NOT_USE|react-dom/],
  ['webextension-polyfill', /webextension-polyfill|Could not establish connection\. Receiving end does not exist\./],
  // Strings only the card's components and stylesheet hold.
  ['the card components', /Liquid restaking token|Bundled data, reviewed|rl-petal|Fastest known way/],
];

for (const dir of BUILDS) {
  test(`${dir}: the content script carries no viem, no zod (classic or mini) and no React`, () => {
    const file = `${dir}/content-scripts/lens.js`;
    assert.ok(existsSync(file), `${file} built`);
    const js = readFileSync(file, 'utf8');
    for (const [lib, re] of [...MARKERS, ...PAGE_MARKERS]) assert.doesNotMatch(js, re, `${lib} found in ${file}`);
    // The content script's own strings: the check would pass vacuously on a file that is not the content script.
    assert.match(js, /restake-lens\/frame/);
    console.log(`# ${file}: ${(js.length / 1000).toFixed(1)} kB, ${(gzipSync(js, { level: 9 }).length / 1000).toFixed(1)} kB gzipped`);
  });

  test(`${dir}: the background carries no zod classic either (one flavour)`, () => {
    const js = readFileSync(`${dir}/background.js`, 'utf8');
    assert.doesNotMatch(js, MARKERS[1]![1]);
    assert.match(js, /viem@/, 'the background is where chain reads live');
  });
}
