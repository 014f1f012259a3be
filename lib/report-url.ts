// Runs in: options page, tests (plain node too). The project's own issue tracker: the one place to change if the
// tracker moves. Its own file, with no imports, so the e2e suite can read it without a bundler.
export const REPORT_ISSUES_URL = 'https://github.com/restake-lens/restake-lens/issues/new';
