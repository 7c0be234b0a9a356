import type { Command } from 'commander';
import { runCommand } from '../run-command';
import { withApp } from '../with-app';

/** `dauys audit verify`: recomputes the audit log's hash chain. Exit 0 intact, 1 broken. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the console audit log');
  audit
    .command('verify')
    .description('recompute the hash chain; exit 1 naming the first broken entry')
    .action(
      runCommand(async () => {
        await withApp(['audit'], async ({ audit }) => {
          const result = await audit.verify();
          if (result.ok) {
            // Keep the head hash somewhere else: it is what shows a rewrite of the whole chain.
            process.stdout.write(`audit log intact: ${result.entries} entries, head ${result.headHash}\n`);
          } else {
            process.stderr.write(
              `dauys: audit log broken at entry ${result.brokenAt}: ${result.reason} ` +
                `(${result.entries} entries before it verify)\n`,
            );
            process.exitCode = 1;
          }
        });
      }),
    );
}
