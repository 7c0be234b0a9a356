import type { Command } from 'commander';
import { commandLineActor } from '../command-line-actor';
import { runCommand } from '../run-command';
import { withApp } from '../with-app';

export function registerImportCommand(program: Command): void {
  const importCommand = program
    .command('import')
    .description('import data from CSV files; each import is all or nothing');
  importCommand
    .command('geography')
    .description('add or update areas (regions, districts, precincts) from a geography CSV')
    .argument('<election>', 'election slug')
    .argument('<file>', 'geography CSV (docs/election-format.md)')
    .action(
      runCommand(async (slug: string, file: string) => {
        await withApp(['geographyImport'], async ({ geographyImport }) => {
          const { areas } = await geographyImport.importFile(commandLineActor(), slug, file);
          process.stdout.write(`imported ${areas} areas into ${slug}\n`);
        });
      }),
    );
  importCommand
    .command('official')
    .description('import official precinct results from a CSV through a column mapping')
    .argument('<election>', 'election slug')
    .argument('<file>', 'official results CSV, one row per precinct')
    .requiredOption('--mapping <mapping.json>', 'which CSV column is which protocol line / choice')
    .action(
      runCommand(async (slug: string, file: string, options: { mapping: string }) => {
        await withApp(['officialImport'], async ({ officialImport }) => {
          const { precincts } = await officialImport.importFile(
            commandLineActor(),
            slug,
            file,
            options.mapping,
          );
          process.stdout.write(`imported official results of ${precincts} precincts into ${slug}\n`);
        });
      }),
    );
  importCommand
    .command('stations')
    .description(
      'create an election from a station-level CSV: areas, official results and the outside evidence it carries (photographed ballots, observer counts)',
    )
    .requiredOption('--slug <slug>', 'slug of the new election, e.g. by-2020')
    .requiredOption(
      '--csv <file>',
      'station-level CSV (.csv, .csv.gz or .csv.zip), as for dauys analyze --csv',
    )
    .requiredOption('--mapping <mapping.json>', 'the column mapping (examples/mappings/)')
    .option('--name <name>', "the election's name (default: the slug)")
    .option('--date <YYYY-MM-DD>', 'election day (default: today)')
    .action(
      runCommand(
        async (options: { slug: string; csv: string; mapping: string; name?: string; date?: string }) => {
          await withApp(['stationImport'], async ({ stationImport }) => {
            const result = await stationImport.importFile(commandLineActor(), options);
            process.stdout.write(
              `imported ${result.stations} stations (${result.regions} regions, ${result.districts} districts) into ${result.slug}: ` +
                `${result.officialResults} official results, outside evidence for ${result.withEvidence} stations\n`,
            );
          });
        },
      ),
    );
}
