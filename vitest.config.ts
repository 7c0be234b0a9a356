import { defineConfig } from 'vitest/config';

// Integration and e2e files each start their own database (PGlite ~3.5 s) and servers,
// so files run in parallel forks while the tests inside a file share one database.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // In CI every test's name is printed, so the log shows each suite ran on PGlite and on PostgreSQL.
    reporters: process.env.CI === 'true' ? ['verbose'] : ['default'],
  },
});
