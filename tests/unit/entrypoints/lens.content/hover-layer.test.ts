// @vitest-environment happy-dom
// Where the card goes: below the mention, above it when there is more room there, always inside the viewport.
import { expect, test } from 'vitest';
import { placeBelow } from '../../../../entrypoints/lens.content/hover-layer';

const card = { width: 360, height: 300 };
const vw = 1000;
const vh = 800;

test.each([
  ['room below: under the mention, 6 px apart, at its left edge', { left: 100, top: 100, bottom: 120 }, { x: 100, y: 126 }],
  ['exactly enough room below stays below', { left: 100, top: 400, bottom: 494 }, { x: 100, y: 492 }],
  ['too little room below and more above: above it', { left: 100, top: 600, bottom: 620 }, { x: 100, y: 294 }],
  ['too little room either way: the larger side, kept 8 px inside', { left: 100, top: 250, bottom: 270 }, { x: 100, y: 276 }],
  ['near the right edge: shifted left to stay 8 px inside', { left: 900, top: 100, bottom: 120 }, { x: 632, y: 126 }],
  ['off the left edge: 8 px from it', { left: -50, top: 100, bottom: 120 }, { x: 8, y: 126 }],
])('%s', (_name, anchor, want) => {
  expect(placeBelow(anchor, card, vw, vh)).toEqual(want);
});
