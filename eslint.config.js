/**
 * Lint keeps the architecture visible (style.md practice 8): imports point one way,
 *   shared <- db <- sync <- features <- app, with ui usable by features and app only;
 *   sw and sync-server import only shared. Type-only imports of library types are allowed in shared.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (files, forbidden, extra = []) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((name) => ({
            group: [`**/${name}/**`, `#${name}/*`],
            message: `This layer may not import from src/${name} (see docs/architecture.md).`,
          })),
          ...extra,
        ],
      },
    ],
  },
});

/**
 * The first screen (the shell in src/app and the caseload) imports the form kit's own files: its index
 * reaches every component, and all of it would ship in the entry chunk (issue 2's 220 KB budget).
 */
const noFormKitIndex = {
  regex: '(^|/)ui/form(/index)?$',
  message: 'On the first screen, import the form kit component\'s own file (ui/form/Button), not ui/form: the index puts the whole kit in the entry chunk.',
};

const noRuntime = (names, why) => ({ group: names, allowTypeImports: true, message: why });

export default tseslint.config(
  { ignores: ['eslint.config.js', '.scratch/**', 'dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './sw/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  layer(['src/shared/**'], ['db', 'sync', 'ui', 'features', 'app'], [
    noRuntime(['rxdb', 'rxdb/*', 'react', 'react-dom', 'dexie', 'hono', 'node:*', 'better-sqlite3', 'pg'], 'src/shared is isomorphic: no React, RxDB, DOM or Node runtime imports.'),
  ]),
  layer(['src/db/**'], ['sync', 'ui', 'features', 'app'], [noRuntime(['react', 'react-dom'], 'src/db has no React.')]),
  layer(['src/sync/**'], ['ui', 'features', 'app'], [noRuntime(['react', 'react-dom'], 'src/sync has no React.')]),
  layer(['src/ui/**'], ['db', 'sync', 'features', 'app'], [noRuntime(['rxdb', 'rxdb/*', 'dexie'], 'src/ui is presentational: no data access.')]),
  layer(['src/features/**'], ['app']),
  // Features do not import each other; what they share lives in src/features/common.
  ...['caseload', 'clients', 'cases', 'visits', 'tasks', 'feedback', 'conflicts', 'unsynced', 'session', 'coordinator', 'kiosk', 'assisted', 'admin'].map((name) => ({
    files: [`src/features/${name}/**`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**'], message: 'Features may not import the app shell.' },
            {
              // A sibling feature is `../<other>`; `../common`, this feature and `../../` (ui, db…) are fine.
              regex: `^\\.\\./(?!common(/|$)|${name}(/|$)|\\.\\./)`,
              message: 'Features do not import each other; share through src/features/common.',
            },
            ...(name === 'caseload' ? [noFormKitIndex] : []),
          ],
        },
      ],
    },
  })),
  { files: ['src/app/**'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noFormKitIndex] }] } },
  layer(['sw/**'], ['db', 'sync', 'ui', 'features', 'app']),
  layer(['sync-server/**'], ['db', 'sync', 'ui', 'features', 'app'], [noRuntime(['react', 'react-dom', 'rxdb', 'rxdb/*', 'dexie'], 'The server imports only src/shared.')]),
);
