// Exact expectations for tests/fixtures/pages/slice.html: the registry ids of the extension's marks inside
// each named element, in document order. Anything not listed must hold no mark.
export const SLICE_EXPECTED: Record<string, string[]> = {
  'row-weeth': ['weeth'],
  'row-ezeth': ['ezeth'],
  'row-rseth': ['rseth'],
  'row-weth': [],
  'row-wsteth': [],
  title: [],
  'p-pair': ['ezeth', 'rseth', 'pufeth'],
  'p-pendle': ['weeth'],
  'p-rebase': ['eeth', 'weeth', 'weeth', 'eeth'],
  'p-negative': [],
  form: [],
  'p-late': ['rseth'],
};

/** Marks the extension made on the page in total (the forged one in #spoof is the page's, not ours). */
export const SLICE_TOTAL = Object.values(SLICE_EXPECTED).reduce((n, ids) => n + ids.length, 0);

/** What the popup must list for the slice page: token id -> count. */
export const SLICE_POPUP: Record<string, number> = { eeth: 2, ezeth: 2, pufeth: 1, rseth: 3, weeth: 4 };
