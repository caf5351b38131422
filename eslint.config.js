// @ts-check
/**
 * The lint gate (`npm run lint`, part of `npm test`): typescript-eslint with type information, the React hooks
 * rules (refs are not written during render), jsx-a11y for the keyboard and screen-reader users, one import order.
 * Formatting is Prettier's alone, so no stylistic rule here.
 */
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'release/',
      'coverage/',
      'renderer/src/data/validators/compiled.ts',
      '**/*.cjs',
      '**/*.mjs',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      'prefer-const': ['error', { destructuring: 'all' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Callbacks in props and dependency objects are destructured: as properties their `this` is never assumed.
      '@typescript-eslint/method-signature-style': ['error', 'property'],
      // React awaits nothing a handler returns; an async onSubmit/onClick is the usual form and its errors are caught.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // IPC handlers, RxDB conflict handlers and Fastify hooks are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // Tests and benchmarks read untyped JSON answers and fake async interfaces on purpose; the product code does not.
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      'test/**',
      'bench/**',
      'renderer/src/test-*/**',
      'renderer/src/test-setup.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
  {
    // A server function longer than this does several things (issue 19: buildServer was 174 lines); tests excepted.
    files: ['server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 120 }] },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['renderer/**/*.tsx'],
    rules: {
      // Keyboard-first: a screen's first field (password, search, a dialog's input) takes the cursor on purpose.
      'jsx-a11y/no-autofocus': 'off',
    },
  },
);
