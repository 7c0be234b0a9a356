import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'media', 'test-artifacts', 'coverage', 'web/**/*.svelte'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
