import type { Command } from 'commander';
import { commandLineActor } from '../command-line-actor';
import { runCommand } from '../run-command';
import { withApp } from '../with-app';

/** `dauys purge <election>`: delete contact data once the election is over (privacy retention). */
export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description('after an election: delete chat addresses, conversations and contacts; keep the evidence')
    .argument('<election>', 'election slug')
    .option('--force', 'purge even though the election still accepts late messages')
    .action(
      runCommand(async (slug: string, options: { force?: boolean }) => {
        await withApp(['purge'], async ({ purge }) => {
          const report = await purge.purge(commandLineActor(), slug, { force: options.force });
          for (const [what, count] of Object.entries(report)) process.stdout.write(`${what}\t${count}\n`);
        });
      }),
    );
}
