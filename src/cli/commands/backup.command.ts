import type { Command } from 'commander';
import { runCommand } from '../run-command';
import { withApp } from '../with-app';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'write a consistent backup of the database (gzipped JSON lines; restores into PGlite or PostgreSQL)',
    )
    .argument('<file>', 'where to write the backup, e.g. dauys.backup.gz')
    .action(
      runCommand(async (file: string) => {
        const { backupDatabase } = await import('../../store/backup');
        await withApp(['database'], async ({ database }) => {
          const { tables, rows } = await backupDatabase(database.pool, file);
          process.stdout.write(`backed up ${rows} rows from ${tables} tables to ${file}\n`);
        });
      }),
    );
  program
    .command('restore')
    .description('restore a backup into an empty database (all or nothing); back up DAUYS_SECRET separately')
    .argument('<file>', 'a file written by `dauys backup`')
    .action(
      runCommand(async (file: string) => {
        const { restoreDatabase } = await import('../../store/backup');
        await withApp(['database'], async ({ database }) => {
          const { tables, rows } = await restoreDatabase(database.pool, file);
          process.stdout.write(`restored ${rows} rows into ${tables} tables from ${file}\n`);
        });
      }),
    );
}
