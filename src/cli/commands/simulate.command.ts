import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { invalidInput } from '../../errors';
import type { ScenarioTruth } from '../../simulation/scenario-truth';
import { DEMO_ELECTION_FILE } from '../paths';
import { runCommand } from '../run-command';

interface SimulateCommandOptions {
  scenario?: string;
  target: string;
  truth: string;
  report?: boolean;
  apiPort: string;
  secretToken?: string;
  drainTimeout: string;
  observerInvites?: string;
}

/** The fake Bot API's default port: start the server with TELEGRAM_API_ROOT=http://127.0.0.1:8081. */
export const DEFAULT_SIMULATOR_API_PORT = 8081;

/** `dauys simulate --scenario <file> --target <url> [--truth <file>] [--report]` */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description(
      'drive a running server through its Telegram webhook with a simulated election day (genuine voters and attacks), write the ground truth, and compare the published figures with it',
    )
    .option(
      '--scenario <file>',
      'scenario JSON (see examples/scenarios/); without it, --report reads --truth only',
    )
    .requiredOption('--target <url>', 'the server, on this machine (e.g. http://127.0.0.1:8080)')
    .option(
      '--truth <file>',
      'where the ground truth is written (or read with --report alone)',
      'simulation-truth.json',
    )
    .option('--report', "compare the platform's published figures (public API summary) with the truth")
    .option(
      '--api-port <port>',
      'port of the fake Telegram Bot API that serves the photos (the server needs TELEGRAM_API_ROOT=http://127.0.0.1:<port>)',
      String(DEFAULT_SIMULATOR_API_PORT),
    )
    .option('--secret-token <token>', "the server's TELEGRAM_WEBHOOK_SECRET (default: that variable)")
    .option(
      '--observer-invites <file>',
      "invites for the scenario's observers: the console's invite sheet answer (JSON); observers are placed at their precincts",
    )
    .option(
      '--drain-timeout <seconds>',
      'wait at most this long for the server to process what it took',
      '300',
    )
    .action(runCommand(simulate));
}

async function simulate(options: SimulateCommandOptions): Promise<void> {
  const [{ requireLoopback }, { compareRunWithTruth, formatComparison }] = await Promise.all([
    import('../../simulation/webhook-poster'),
    import('../../simulation/simulation-report'),
  ]);
  try {
    requireLoopback(options.target);
  } catch (error) {
    throw invalidInput((error as Error).message);
  }
  const apiPort = Number(options.apiPort);
  if (!Number.isInteger(apiPort) || apiPort < 0 || apiPort > 65_535)
    throw invalidInput(`--api-port: "${options.apiPort}" is not a port number`);
  const drainTimeout = Number(options.drainTimeout);
  if (!Number.isFinite(drainTimeout) || drainTimeout < 0)
    throw invalidInput(`--drain-timeout: "${options.drainTimeout}" is not a number of seconds`);
  if (!options.scenario && !options.report)
    throw invalidInput('give --scenario <file>, or --report to compare a truth file');

  let truth: ScenarioTruth;
  if (options.scenario) {
    const [{ FakeTelegramApi }, { loadScenario, simulateElectionDay }, { readObserverInvites }] =
      await Promise.all([
        import('../../simulation/fake-telegram-api'),
        import('../../simulation/simulate-election-day'),
        import('../../simulation/observer-invites-file'),
      ]);
    const loaded = await loadScenario(options.scenario, DEMO_ELECTION_FILE);
    const invites = options.observerInvites ? await readObserverInvites(options.observerInvites) : undefined;
    const observers = loaded.scenario.observers?.precincts ?? 0;
    if (observers > 0 && (invites?.length ?? 0) < observers) {
      throw invalidInput(
        `the scenario has ${observers} observers and observers join only with invites: give --observer-invites with at least ${observers} (got ${invites?.length ?? 0})`,
      );
    }
    const fake = await FakeTelegramApi.start({ port: apiPort, record: false });
    process.stdout.write(`fake Telegram Bot API on ${fake.url}\n`);
    try {
      const result = await simulateElectionDay({
        ...loaded,
        target: options.target,
        secretToken: options.secretToken ?? process.env.TELEGRAM_WEBHOOK_SECRET,
        fake,
        dauysSecret: process.env.DAUYS_SECRET,
        drainTimeoutSeconds: drainTimeout,
        ...(invites ? { observerInvites: { kind: 'given' as const, invites } } : {}),
      });
      truth = result.truth;
      const { delivery } = result;
      process.stdout.write(
        `posted ${delivery.acknowledged} updates in ${delivery.seconds.toFixed(1)} s (${delivery.updatesPerSecond.toFixed(0)}/s), resent ${delivery.resent}, refused ${delivery.refused}, unfinished accounts ${delivery.incomplete.length}${delivery.timedOut ? ' (deadline reached)' : ''}${delivery.drained === false ? '; the server was still processing when --drain-timeout ran out' : ''}\n`,
      );
    } finally {
      await fake.close();
    }
    await fs.writeFile(options.truth, `${JSON.stringify(truth, null, 1)}\n`);
    process.stdout.write(`ground truth written to ${options.truth}\n`);
  } else {
    truth = JSON.parse(await fs.readFile(options.truth, 'utf8')) as ScenarioTruth;
  }
  if (options.report) {
    const comparison = await compareRunWithTruth(options.target, truth);
    process.stdout.write(`${formatComparison(comparison).join('\n')}\n`);
  }
}
