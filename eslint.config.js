// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/*
 * `npm run lint` (with Prettier and knip). Type-checked rules catch what tsc does not: a promise
 * nobody awaits (an error lost, a transaction left open), an async function where a callback must
 * return nothing. The layer table of docs/architecture.md is enforced by `boundaries/dependencies`.
 */

/** The layers of docs/architecture.md, one element per folder under src/. */
const layers = ['domain', 'contracts', 'db', 'services', 'server', 'jobs', 'seed', 'web'];

/** Who may import whom (besides itself); anything else is an error. Keep in step with docs/architecture.md. */
const mayImport = {
  domain: [],
  contracts: ['domain'],
  db: ['domain', 'config'], // the domain's status constants become PostgreSQL enums (src/db/schema/enums.ts)
  services: ['domain', 'db', 'config'],
  server: ['services', 'domain', 'contracts', 'db', 'jobs', 'seed', 'config'],
  jobs: ['services', 'domain', 'db', 'server-types', 'config'],
  seed: ['services', 'domain', 'db'],
  web: ['domain', 'contracts'],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'screenshots/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // An async handler on a JSX attribute (onSubmit, onClick) is React's and react-hook-form's
      // normal shape; a promise passed where any other callback must return nothing is still an error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Fastify plugins are async functions by contract, whether or not they await anything.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON response bodies (typed any) field by field and name their shape with `as`;
    // the promise rules stay on.
    files: ['tests/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // hardening-db is rewriting this file now; drop this entry once that lands (one needless cast).
    files: ['src/db/shared-connection.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': [
        { type: 'server-types', pattern: 'src/server/types.ts', mode: 'full' },
        { type: 'config', pattern: 'src/config.ts', mode: 'full' },
        ...layers.map((type) => ({ type, pattern: `src/${type}/**/*`, mode: 'full' })),
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...Object.entries(mayImport).map(([type, others]) => ({
              from: { element: { type } },
              allow: { to: { element: { types: { anyOf: [type, ...others] } } } },
            })),
            // The server's own types (AppDeps) are shared with the jobs and the rest of the server.
            { from: { element: { type: 'server' } }, allow: { to: { element: { type: 'server-types' } } } },
            {
              from: { element: { type: 'server-types' } },
              allow: { to: { element: { types: { anyOf: ['server', 'services', 'domain', 'db', 'config'] } } } },
            },
            { from: { element: { type: 'config' } }, allow: { to: { element: { type: 'domain' } } } },
          ],
        },
      ],
    },
  },
  {
    // Isomorphic: what the server and the browser both load. Only zod and the pure domain.
    files: ['src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\.)', message: 'src/contracts imports only zod and src/domain.' }] },
      ],
    },
  },
  {
    // The pure rules: no I/O, no clock reads (the clock is a parameter), no framework.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|date-fns(/.*)?$|@date-fns/tz$|\\.)',
              message: 'src/domain is pure: zod, date-fns and other domain code only.',
            },
          ],
        },
      ],
    },
  },
);
