import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'media', 'test-artifacts', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The pages' .svelte files under the same rules as the rest, their <script lang="ts"> parsed by
  // typescript-eslint (svelte-check does the type checking; this catches what types cannot).
  ...svelte.configs.recommended,
  {
    files: ['web/**/*.svelte', 'web/**/*.svelte.ts'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      // It flags every Map or URLSearchParams, also a function's temporaries that never live in
      // state (all 7 it found were: a lookup built and dropped in one call, a query string being
      // written). Reactive state here is `$state`, which svelte-check and the e2e tests cover.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli/**', '**/cli'], message: 'Nothing imports cli (DESIGN.md).' }] },
      ],
    },
  },
  {
    // The walls of DESIGN.md: pure layers import no I/O.
    files: ['src/domain/**', 'src/flows/**', 'src/analysis/**'],
    rules: {
      // typescript-eslint's variant: it can let one type-only import through (the channel registry's
      // `ChannelName`, which flows carry) while every value import from these layers stays refused.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/channels/create-channels'],
              allowTypeImports: true,
              message: 'domain/, flows/ and analysis/ may take only types from the channel registry.',
            },
            {
              group: [
                '**/store/**',
                '**/http/**',
                '**/channels/**',
                '!**/channels/create-channels',
                '**/services/**',
                '**/jobs/**',
                '**/media/**',
                '**/cli/**',
              ],
              message: 'domain/, flows/ and analysis/ stay pure (DESIGN.md walls).',
            },
            {
              group: [
                'node:fs',
                'node:fs/*',
                'fs',
                'node:net',
                'node:http',
                'pg',
                'kysely',
                'fastify',
                'grammy',
                'sharp',
              ],
              message: 'domain/, flows/ and analysis/ stay pure (DESIGN.md walls).',
            },
          ],
        },
      ],
    },
  },
);
