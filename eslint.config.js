// ESLint flat config: typescript-eslint (type-aware where it matters), React hooks, and the project's
// boundaries: content scripts and presentational components stay free of viem and of the registry data.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'docs/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never assign innerHTML: page text is never parsed as HTML.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Never assign outerHTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never parse strings as HTML.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render strings as HTML.' },
      ],
    },
  },
  {
    // One zod flavour, configured once (lib/zod.ts).
    files: ['lib/**', 'entrypoints/**'],
    ignores: ['lib/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/mini', 'zod/v4', 'zod/v4/mini'].map((name) => ({ name, message: 'Import { z } from lib/zod.ts: one flavour (zod/mini), configured once.' })),
        },
      ],
    },
  },
  {
    // Runs on every page: keep it lean and away from chain code and bulky data.
    files: ['entrypoints/*.content/**', 'lib/detect/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['viem', 'viem/*'], message: 'No viem in content scripts or components: chain reads happen in the background.' },
            { group: ['zod', 'zod/*', '!**/lib/zod'], message: 'Import { z } from lib/zod.ts: one flavour (zod/mini), configured once.' },
            { group: ['**/lib/registry', '**/lib/registry/*', '**/lib/registry/**'], message: 'The registry lives in the background; ask it over the message contract.' },
            { group: ['**/lib/sources/**'], message: 'Sources run in the background only.' },
          ],
        },
      ],
    },
  },
  {
    // Presentational components render props; they never touch the extension APIs.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'wxt/browser', message: 'Components are presentational: no browser.* calls.' }],
          patterns: [
            { group: ['viem', 'viem/*', 'zod', '**/lib/registry', '**/lib/registry/**', '**/lib/sources/**'], message: 'Components render props only.' },
          ],
        },
      ],
    },
  },
);
