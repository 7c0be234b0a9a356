import type { Command } from 'commander';
import { commandLineActor } from '../command-line-actor';
import { runCommand } from '../run-command';
import { withApp } from '../with-app';

export function registerElectionCommand(program: Command): void {
  const election = program.command('election').description('election definitions');
  election
    .command('load')
    .description('validate and load an election file (and the geography CSV it names); all or nothing')
    .argument('<file>', 'election definition JSON (see docs/election-format.md)')
    .action(
      runCommand(async (file: string) => {
        await withApp(['elections'], async ({ elections }) => {
          const { election: loaded, areasImported } = await elections.load(commandLineActor(), file);
          process.stdout.write(`loaded election ${loaded.slug} (${areasImported} areas)\n`);
        });
      }),
    );
  election
    .command('list')
    .description('list loaded elections')
    .action(
      runCommand(async () => {
        await withApp(['elections'], async ({ elections }) => {
          for (const { slug, definition } of await elections.list()) {
            process.stdout.write(
              `${slug}\t${definition.date}\t${definition.names.en}${definition.demo ? ' (demo)' : ''}\n`,
            );
          }
        });
      }),
    );
}
