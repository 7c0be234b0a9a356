import type { Command } from 'commander';
import { runCommand } from '../run-command';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (also done on every start)')
    .action(
      runCommand(async () => {
        const [{ loadConfig }, { migrateToLatest, openDatabase }] = await Promise.all([
          import('../../config'),
          import('../../store/database'),
        ]);
        const config = loadConfig();
        const database = await openDatabase({
          databaseUrl: config.DATABASE_URL,
          pgliteDir: `${config.dataDir}/pglite`,
        });
        try {
          const applied = await migrateToLatest(database.db);
          process.stdout.write(
            applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n',
          );
        } finally {
          await database.close();
        }
      }),
    );
}
