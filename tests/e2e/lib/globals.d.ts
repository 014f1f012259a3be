// Code passed to page.evaluate / worker.evaluate runs inside the extension, where `chrome` is the
// extension API. Typed as WXT's browser object, which has the same shape for what the tests call.
declare const chrome: typeof import('wxt/browser').browser;
