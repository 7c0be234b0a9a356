/**
 * `dauys start --demo` shows a live election day: a small scenario (examples/scenarios/demo.json)
 * is played through the server's own webhook in the background, against a fake Bot API in this
 * process, and official results made from its truth (some precincts falsified) are imported so
 * the dashboard has all sources to compare. All of it is demo data on the demo election.
 */
import crypto from 'node:crypto';
import type { App } from '../app';
import { systemActor } from '../services/audit.service';
import { demoOfficialResults } from './demo-official-results';
import { FakeTelegramApi } from './fake-telegram-api';
import type { ScenarioPlan } from './scenario-plan';
import {
  loadScenario,
  simulateElectionDay,
  type LoadedScenario,
  type ObserverInvites,
} from './simulate-election-day';

/** How the import of the simulated official results is labelled wherever imports are listed. */
export const DEMO_OFFICIAL_SOURCE = 'DEMO DATA: official results simulated from the live demo, not real';

/** The live demo's own writes (invites, simulated official results) are audited under this name. */
const LIVE_DEMO_ACTOR = systemActor('live-demo');

export interface LiveDemoBot {
  fake: FakeTelegramApi;
  /** Environment for the server: its voter bot talks to the fake Bot API. */
  env: Record<string, string>;
}

/**
 * The fake Bot API for the live demo, or why there is none: a configured voter bot token means
 * real Telegram is in use, and simulated voters must never reach it.
 *
 * @example
 * const bot = await prepareLiveDemoBot(process.env);
 * if ('reason' in bot) logger.info(bot.reason); else loadConfig({ ...process.env, ...bot.env });
 */
export async function prepareLiveDemoBot(env: NodeJS.ProcessEnv): Promise<LiveDemoBot | { reason: string }> {
  for (const name of ['TELEGRAM_VOTER_TOKEN', 'TELEGRAM_OBSERVER_TOKEN']) {
    if (env[name]) return { reason: `live demo off: ${name} is set, so a bot talks to real Telegram` };
  }
  const fake = await FakeTelegramApi.start({ record: false });
  return {
    fake,
    env: {
      TELEGRAM_VOTER_TOKEN: '1000001:DEMO-simulated-voter-bot',
      TELEGRAM_OBSERVER_TOKEN: '1000002:DEMO-simulated-observer-bot',
      TELEGRAM_WEBHOOK_SECRET: crypto.randomBytes(24).toString('base64url'),
      TELEGRAM_API_ROOT: fake.url,
    },
  };
}

/**
 * Plays the demo scenario against the running server (bounded by the scenario's limits) and
 * logs the outcome; failures are logged, never thrown (the demo is a show, not a dependency).
 */
export async function runLiveDemo(
  app: App,
  options: {
    target: string;
    bot: LiveDemoBot;
    scenarioFile: string;
    electionFile: string;
    signal: AbortSignal;
  },
): Promise<void> {
  try {
    const loaded = await loadScenario(options.scenarioFile, options.electionFile);
    const election = await app.elections.require(loaded.election.slug);
    // Once per database: a replay on restart would add another set of observer invites and
    // official results on top of the first (the demo's seeding must be idempotent).
    if (await app.officialImport.hasImported(election.id, DEMO_OFFICIAL_SOURCE)) {
      app.logger.info(
        { election: election.slug },
        'live demo already played on this database: its data is kept (start on a new DAUYS_DATA_DIR to play it again)',
      );
      return;
    }
    const { delivery, truth } = await simulateElectionDay({
      ...loaded,
      target: options.target,
      secretToken: options.bot.env.TELEGRAM_WEBHOOK_SECRET,
      fake: options.bot.fake,
      signal: options.signal,
      observerInvites: createInvites(app, election.slug),
      onPlanned: async (plan) => {
        const imported = await importSimulatedOfficialResults(app, election.id, plan, loaded);
        if (imported.precincts === 0) return;
        app.logger.info(imported, 'live demo: simulated official results imported (demo data)');
      },
    });
    app.logger.info(
      {
        genuineVoters: truth.genuine.voters,
        observers: truth.observers?.observers ?? 0,
        attackAccounts: Object.values(truth.attacks).reduce((sum, attack) => sum + attack.accounts, 0),
        acknowledged: delivery.acknowledged,
        seconds: Math.round(delivery.seconds),
      },
      'live demo: simulated election day played',
    );
  } catch (error) {
    app.logger.error({ err: error }, 'live demo failed');
  }
}

/**
 * Imports the official results a scenario makes (`demoOfficialResults`), labelled as demo data
 * wherever imports are listed. Nothing without `official` in the scenario.
 */
export async function importSimulatedOfficialResults(
  app: App,
  electionId: number,
  plan: ScenarioPlan,
  loaded: Pick<LoadedScenario, 'scenario' | 'election'>,
): Promise<{ precincts: number; falsified: number }> {
  const { rows, falsifiedPrecincts } = demoOfficialResults(plan, loaded.scenario, loaded.election);
  if (rows.length > 0) {
    await app.officialImport.importRows(
      LIVE_DEMO_ACTOR,
      { id: electionId, slug: loaded.election.slug },
      DEMO_OFFICIAL_SOURCE,
      rows,
    );
  }
  return { precincts: rows.length, falsified: falsifiedPrecincts.length };
}

/**
 * Invites made in this process for the simulated observers, one per precinct (a simulation
 * with the app at hand: the live demo, bench/attack, tests).
 *
 * @example
 * await simulateElectionDay({ ...loaded, observerInvites: createInvites(app, 'kz-2021-mazhilis'), … });
 */
export function createInvites(app: App, slug: string): ObserverInvites {
  return {
    kind: 'create',
    create: async (precinctCodes) => {
      const codes: string[] = [];
      for (const precinct of precinctCodes)
        codes.push((await app.invites.create(LIVE_DEMO_ACTOR, slug, [precinct])).code);
      return codes;
    },
  };
}
