import type { Command } from 'commander';
import { invalidInput } from '../../errors';
import { WEB_DIST_DIR } from '../paths';
import { runCommand } from '../run-command';
import { withApp } from '../with-app';

/** The public API's services (it is read through its own routes), the logger and the signing secret. */
const SNAPSHOT_SERVICES = [
  'config',
  'logger',
  'secret',
  'elections',
  'publicReads',
  'summaries',
  'analyses',
  'exports',
  'transparency',
  'voterTallies',
] as const;

interface SnapshotCommandOptions {
  election?: string;
  downTo?: string;
  webDir: string;
}

/**
 * `dauys snapshot <dir>`: the dashboard and the open data of this moment as static files any
 * mirror can serve (docs/operations.md, "Mirrors"), with a signed manifest `dauys verify <dir>`
 * checks. Reads only.
 */
export function registerSnapshotCommand(program: Command): void {
  program
    .command('snapshot')
    .description(
      'write the dashboard and open data of one election, as of now, into a directory any static server can mirror',
    )
    .argument('<dir>', 'a new or empty directory')
    .option('--election <slug>', 'the election (default: the only one loaded)')
    .option('--down-to <level>', 'the deepest level whose areas get their own files (default: every level)')
    .option('--web-dir <dir>', 'the built front end', WEB_DIST_DIR)
    .action(
      runCommand(async (dir: string, options: SnapshotCommandOptions) => {
        const { writeSnapshot } = await import('../snapshot/write-snapshot');
        await withApp(SNAPSHOT_SERVICES, async (app) => {
          const election = options.election ?? (await onlyElection(app.elections.list()));
          const manifest = await writeSnapshot(app, dir, {
            election,
            downTo: options.downTo,
            webDir: options.webDir,
          });
          const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
          process.stdout.write(
            `snapshot of ${election} taken ${manifest.takenAt}: ${manifest.files.length} files, ${bytes} bytes in ${dir}\n` +
              `transparency root ${manifest.transparency.root} over ${manifest.transparency.size} records\n` +
              `signed with Ed25519 public key ${manifest.publicKey}\n`,
          );
        });
      }),
    );
}

async function onlyElection(list: Promise<Array<{ slug: string }>>): Promise<string> {
  const slugs = (await list).map((election) => election.slug);
  if (slugs.length === 1) return slugs[0]!;
  throw invalidInput(slugs.length === 0 ? 'no election is loaded' : 'which election?', [
    {
      where: '--election',
      message: slugs.length === 0 ? 'load one with `dauys election load`' : `one of ${slugs.join(', ')}`,
    },
  ]);
}
