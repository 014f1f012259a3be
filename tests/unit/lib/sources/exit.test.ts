// The size search of lib/sources/exit.ts at its edges: a rung exactly on the line, a rung the venue could not fill,
// a ladder entirely within the line, and a first rung already over it.
import { expect, test } from 'vitest';
import { sellableWithin } from '../../../../lib/sources/exit';

const ladder = [10, 20, 50, 100] as const;
const imp = (...pcts: Array<number | undefined>) => Object.fromEntries(ladder.flatMap((s, i) => (pcts[i] === undefined ? [] : [[String(s), pcts[i]!]])));

test.each([
  ['every rung within the line: a lower bound', imp(0.1, 0.2, 0.5, 1), 2, { size: 100, basis: 'at-least' }],
  ['the first rung over the line', imp(3, 4, 5, 6), 2, { size: null, basis: 'below-smallest' }],
  ['a rung exactly on the line is the answer', imp(1, 2, 3, 4), 2, { size: 20, basis: 'interpolated' }],
  ['halfway in impact between 20 and 50', imp(1, 1.5, 2.5, 4), 2, { size: 31.6, basis: 'interpolated' }],
  ['a rung the venue could not fill stops at the last filled one', imp(1, 1.5, undefined, 4), 2, { size: 20, basis: 'interpolated' }],
  ['a missing first rung is over every line', imp(undefined, 0.1, 0.2, 0.3), 2, { size: null, basis: 'below-smallest' }],
] as const)('%s', (_name, impact, line, want) => {
  expect(sellableWithin(ladder, impact, line)).toEqual(want);
});
