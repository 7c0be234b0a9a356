import fs from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { runCommand } from '../run-command';
import { withApp } from '../with-app';

interface ExportOptions {
  format: 'csv' | 'json';
  output?: string;
}

/** `dauys export <election> --format csv|json`: the same open data as GET …/export.csv|.json. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export one row per precinct with every source’s figures (the open data)')
    .argument('<election>', 'election slug')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('--output <file>', 'write to a file instead of standard output')
    .action(
      runCommand(async (slug: string, options: ExportOptions) => {
        const { exportCsv } = await import('../../services/export.service');
        await withApp(['exports'], async ({ exports: precinctExports }) => {
          const data = await precinctExports.precincts(slug);
          const text = options.format === 'csv' ? exportCsv(data) : JSON.stringify(data, null, 2) + '\n';
          if (options.output) await fs.writeFile(options.output, text);
          else process.stdout.write(text);
        });
      }),
    );
}
