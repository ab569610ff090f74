// ESLint flat config. Formatting belongs to Prettier (.prettierrc.json): eslint-config-prettier comes
// last, so no rule here ever disagrees with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.{ts,tsx,mts,cts}'];
const JS = ['**/*.{js,mjs,cjs}'];
// Code that ships in the extension. Scripts, tests and benchmarks run on a developer's machine.
const PRODUCT = ['entrypoints/**', 'components/**', 'utils/**', 'content/**'];
// Where Preact components and hooks live: the product and the unit tests that render it.
const PREACT = [...PRODUCT, 'tests/unit/**'];
// Playwright specs, fixtures and page objects.
const PLAYWRIGHT = ['tests/e2e/**', 'tests/bench/**', 'tests/screenshots/**'];

// `@`, `~`, `@@` and `~~` are WXT's aliases of the project root; relative paths are caught too.
const DB_MODULE = String.raw`^(?:(?:@|~|@@|~~)/|(?:\.\.?/)+)utils/db(?:/.*)?$`;
const DB_MESSAGE = 'Pages and components reach the database only through the hooks in utils/hooks/.';
const HTML_MESSAGE = 'Build DOM with Preact or createElement/textContent: an HTML string is an injection risk.';

const noHtmlStrings = [
  {
    selector: "AssignmentExpression[left.type='MemberExpression'][left.computed=false][left.property.name=/^(?:innerHTML|outerHTML)$/]",
    message: HTML_MESSAGE,
  },
  {
    selector: "AssignmentExpression[left.type='MemberExpression'][left.computed=true][left.property.value=/^(?:innerHTML|outerHTML)$/]",
    message: HTML_MESSAGE,
  },
];
// no-restricted-imports does not see `import('…')`. An esquery regex cannot hold a slash: it is spelt \x2F.
const noDynamicDbImport = {
  selector: `ImportExpression[source.value=/${DB_MODULE.replaceAll('/', String.raw`\x2F`)}/]`,
  message: DB_MESSAGE,
};

export default defineConfig([
  globalIgnores([
    '.output/',
    '.wxt/',
    'node_modules/',
    'docs/',
    'coverage/',
    'playwright-report/',
    'test-results/',
    'test-results-bench/',
    '.chromium-profile/',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Everything: the JavaScript basics and what no code here may do.
  {
    files: [...TS, ...JS],
    extends: [js.configs.recommended],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...noHtmlStrings],
    },
  },

  // Scripts, the fixture generator and this file run in Node. They are plain JavaScript (tsc checks
  // the .mjs files through checkJs) and are linted without type information.
  {
    files: JS,
    languageOptions: { globals: globals.node },
  },

  // TypeScript, with type information: tsconfig.json includes every .ts/.tsx (and .mjs) file.
  {
    files: TS,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The typed version of the core rule replaces it (it also knows setTimeout with a string).
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      // `catch (error) { return Promise.reject(error); }` passes on what was caught, as `throw error`
      // would (only-throw-error allows an unknown for the same reason).
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // `import { type X }` keeps the module as a side-effect import: code meant to load later (the
      // lock's steps, scripts/sizes.mjs) would load with the page. `import type { X }` is erased.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },

  // Hooks: Preact's follow the same rules as React's. Only the two classic rules and static-components:
  // the plugin's other (React Compiler) rules recognise hooks only when imported from 'react', so with
  // 'preact/hooks' they take every ref for a frozen hook result (react-hooks/immutability on each
  // `ref.current = …`), and the memoisation rules are about a compiler this project does not use.
  {
    files: PREACT,
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A component declared inside another is a new component on every render: its DOM is rebuilt.
      'react-hooks/static-components': 'error',
    },
  },

  // Playwright finds a fixture's dependencies by reading its first parameter, which must be an object
  // pattern; a fixture with none is written `async ({}, use) => …` (Playwright's documented form).
  {
    files: PLAYWRIGHT,
    rules: {
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },

  // Product code logs only through utils/log.ts. (`no-console` without `allow` allows no method at
  // all; the rule's schema refuses an empty `allow: []`.)
  {
    files: PRODUCT,
    rules: {
      'no-console': 'error',
    },
  },
  {
    files: ['utils/log.ts'],
    rules: {
      'no-console': 'off',
    },
  },

  // Pages and components reach the database only through hooks; the background records pause events
  // through utils/pause-history.ts.
  {
    files: ['entrypoints/**', 'components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: DB_MODULE, message: DB_MESSAGE }] }],
      // Repeats the shared selectors: a later config replaces a rule's options instead of adding to them.
      'no-restricted-syntax': ['error', ...noHtmlStrings, noDynamicDbImport],
    },
  },

  prettier,
]);
