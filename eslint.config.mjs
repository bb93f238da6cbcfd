// Flat ESLint config: typescript-eslint's recommended rules without type information (fast), plus the
// architecture rules: plain-Node and browser code never imports 'electron'; features import each other only
// through their public file (scripts/eslint/architecture.mjs); no double casts in the core.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import architecture from './scripts/eslint/architecture.mjs';

const noElectron = {
  'no-restricted-imports': ['error', {
    paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron (architecture.md: the core is plain Node).' }],
    patterns: [{ group: ['electron/*'], message: 'Only electron/main and electron/preload may import electron.' }],
  }],
};

// "Today" is the school's day in Beijing time: use shared/domain/dates (schoolDay), never a UTC slice.
const NO_UTC_TODAY = {
  selector: "CallExpression[callee.property.name='slice'][callee.object.callee.property.name='toISOString']",
  message: 'Use schoolDay()/addDaysIso() from shared/domain/dates: toISOString().slice(0, 10) is the UTC day, not the school\'s.',
};
// A value that is cast through unknown has lost its type check: the core says what it means instead.
const NO_DOUBLE_CAST = {
  selector: "TSAsExpression[expression.type='TSAsExpression'][expression.typeAnnotation.type='TSUnknownKeyword']",
  message: 'No `as unknown as` in the core: type the value (a schema, a generic, a narrower function) instead.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', '.tsbuild/**', 'test-results/**',
      'playwright-report/**', '.electron-native/**', 'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Sanitisers strip control characters on purpose.
      'no-control-regex': 'off',
      'no-restricted-syntax': ['error', NO_UTC_TODAY],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // An error, not a warning: a stale closure in a grid callback saves the wrong row.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // electron-builder loads its hooks with require(): CommonJS on purpose.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests feed deliberately odd values (e.g. a 19-digit 学籍号 read as a number).
    files: ['tests/**', 'bench/**'],
    // Fixtures build fixed dates on purpose; the rule is about "today" in the app.
    rules: { 'no-loss-of-precision': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/core/**', 'electron/server/**', 'shared/**', 'renderer/**'],
    rules: noElectron,
  },
  {
    files: ['electron/core/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    plugins: { architecture },
    rules: { 'architecture/feature-boundaries': 'error' },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_UTC_TODAY, NO_DOUBLE_CAST] },
  },
);
