import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NAME_KEYS = '/^(name|group|product|p|type|label)$/';
const OWN_MESSAGE =
  'A user-chosen name may be "constructor": read with getOwn(map, name), write with putOwn(map, name, v) (src/core/own.ts).';
/** `map[name] ?? x`, `map[g.name] ?? x` and `map[name] = v`, for the names users choose. */
export const OWN_LOOKUPS = [
  `LogicalExpression[operator='??'] > MemberExpression.left[computed=true][property.name=${NAME_KEYS}]`,
  `LogicalExpression[operator='??'] > MemberExpression.left[computed=true][property.property.name='name']`,
  `ChainExpression > MemberExpression[computed=true][property.name=${NAME_KEYS}]`,
  `AssignmentExpression > MemberExpression.left[computed=true][property.name=${NAME_KEYS}]`,
  `AssignmentExpression > MemberExpression.left[computed=true][property.property.name='name']`,
].map((selector) => ({ selector, message: OWN_MESSAGE }));

export default defineConfig([
  globalIgnores([
    'dist',
    'dist-bench',
    'build',
    '*.tmp.mjs',
    '*.tmp.ts',
    'shots',
    'test-results',
    'playwright-report',
    'reports',
    'node_modules',
  ]),
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/app/**/*.ts', 'src/features/**/*.ts'],
    extends: [reactHooks.configs.flat['recommended-latest'], reactRefresh.configs.vite],
  },
  {
    // The pure core: no UI libraries, no Node, no DOM, no timers (tsconfig.core.json checks the
    // types; this checks the imports and globals). Its tests may read fixtures from disk.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'zustand',
                'zustand/*',
                'monaco-*',
                'd3-selection',
                'd3-zoom',
                'node:*',
              ],
              message: 'src/core is pure: no UI libraries and no Node modules.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'fetch',
          'setTimeout',
          'setInterval',
          'requestAnimationFrame',
          'localStorage',
          'process',
          'performance',
        ].map((name) => ({
          name,
          message: 'src/core is pure: no DOM, timers or process globals.',
        })),
      ],
    },
  },
  {
    // Maps keyed by names users choose (groups, GPU products): `constructor` or `__proto__` is a
    // name like any other. Read them with getOwn and write them with putOwn (src/core/own.ts),
    // never `map[name] ?? x` (which finds Object.prototype's members) or `map[name] = v`.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', 'src/tools/**', 'src/core/own.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...OWN_LOOKUPS],
    },
  },
  {
    // Rooms with one door each: a feature imports the core, the state, shared UI (src/ui) and
    // the templates (data), never the shell (src/app) or another feature.
    files: ['src/features/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)',
              message:
                'A feature does not import another feature: share through src/ui or src/state.',
            },
            {
              regex: '^(\\.\\./)+app/',
              message:
                'A feature does not import the shell (src/app): the shell composes features.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared UI and the state serve every feature and import none, nor the shell.
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.{ts,tsx}', 'src/worker/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(app|features)/',
              message: 'Shared UI, the state and the worker do not import features or the shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '*.config.{ts,js}',
      'e2e/**/*.ts',
      'src/cli/**',
      'src/tools/**',
      'src/bench/**',
      'src/**/*.test.ts',
      '.ci/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
]);
