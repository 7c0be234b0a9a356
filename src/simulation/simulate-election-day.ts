/**
 * One simulated election day from end to end, shared by `dauys simulate`, `dauys start --demo`
 * and bench/attack.ts: read the scenario and its election, plan, serve the photos from the fake
 * Bot API, post everything through the webhook, wait for the pipeline, and return the truth.
 */
import path from 'node:path';
import { parseElectionDefinition, type ElectionDefinition } from '../domain/election/election-definition';
import { parseCsvTable } from '../services/csv-table';
import { geographyRowsFromCsv } from '../services/geography-csv';
import { parseJsonText, readInputFile } from '../services/read-input-file';
import { demoOfficialResults } from './demo-official-results';
import type { FakeTelegramApi } from './fake-telegram-api';
import { parseScenario, type Scenario } from './scenario';
import { planScenario, precinctsFromAreas, type PlanPrecinct, type ScenarioPlan } from './scenario-plan';
import { runScenario, type DeliveryReport } from './scenario-runner';
import { truthOf, type ScenarioTruth } from './scenario-truth';
import { simulatedPhoto } from './simulated-photos';
import { fetchSummary } from './simulation-report';

export interface LoadedScenario {
  scenario: Scenario;
  election: ElectionDefinition;
  precincts: PlanPrecinct[];
}

/**
 * Reads a scenario file, the election it names (relative to the scenario; default the demo
 * election) and that election's precincts.
 *
 * @example
 * const loaded = await loadScenario('examples/scenarios/small.json', DEMO_ELECTION_FILE);
 */
export async function loadScenario(file: string, defaultElectionFile: string): Promise<LoadedScenario> {
  const scenario = parseScenario(parseJsonText(await readInputFile(file), file), file);
  return { scenario, ...(await loadElectionPrecincts(scenario, file, defaultElectionFile)) };
}

/** The election a parsed scenario names, with its precincts (for scenarios built in code). */
export async function loadElectionPrecincts(
  scenario: Scenario,
  scenarioFile: string | undefined,
  defaultElectionFile: string,
): Promise<{ election: ElectionDefinition; precincts: PlanPrecinct[] }> {
  const electionFile =
    scenario.election && scenarioFile
      ? path.resolve(path.dirname(scenarioFile), scenario.election)
      : (scenario.election ?? defaultElectionFile);
  const election = parseElectionDefinition(
    parseJsonText(await readInputFile(electionFile), electionFile),
    electionFile,
  );
  if (!election.geography.file) throw new Error(`${electionFile}: the simulator needs a geography file`);
  const geographyFile = path.resolve(path.dirname(electionFile), election.geography.file);
  const rows = geographyRowsFromCsv(
    parseCsvTable(await readInputFile(geographyFile), geographyFile),
    election,
    0,
    new Map(),
  );
  return { election, precincts: precinctsFromAreas(rows, election.geography.levels.length - 1) };
}

/**
 * `create`: the simulator has the app at hand (bench, demo, tests) and makes an invite for each
 * precinct the plan puts an observer at. `given`: invites a coordinator made (`dauys simulate
 * --observer-invites`); the observers are placed at their precincts.
 */
export type ObserverInvites =
  | { kind: 'create'; create: (precinctCodes: string[]) => Promise<string[]> }
  | { kind: 'given'; invites: ReadonlyArray<{ code: string; precinctCode: string }> };

export interface SimulateOptions extends LoadedScenario {
  target: string;
  secretToken: string | undefined;
  /** The fake Bot API the server's `TELEGRAM_API_ROOT` points at; its photos come from here. */
  fake: FakeTelegramApi;
  /** The server's `DAUYS_SECRET`, to name each sender's ballot key in the truth. */
  dauysSecret?: string | undefined;
  /** Wait this long at most for the server to process what it acknowledged (0: do not wait). */
  drainTimeoutSeconds?: number;
  signal?: AbortSignal;
  /** Called once the plan is made (the demo imports official results from its truth). */
  onPlanned?: (plan: ScenarioPlan, truth: ScenarioTruth) => Promise<void>;
  /** How the scenario's observers get their invites (observers join only with one). */
  observerInvites?: ObserverInvites;
}

/**
 * @example
 * const { truth } = await simulateElectionDay({ ...loaded, target, secretToken, fake });
 */
export async function simulateElectionDay(
  options: SimulateOptions,
): Promise<{ plan: ScenarioPlan; truth: ScenarioTruth; delivery: DeliveryReport }> {
  const { scenario, election } = options;
  const given = options.observerInvites?.kind === 'given' ? options.observerInvites.invites : undefined;
  const plan = planScenario(
    scenario,
    election,
    options.precincts,
    given ? { observerPrecincts: given.map((invite) => invite.precinctCode) } : {},
  );
  const truth: ScenarioTruth = {
    ...truthOf(plan, election.slug, scenario.seed, { secret: options.dauysSecret }),
    ...officialTruth(plan, scenario, election),
  };
  const observerInvites = await invitesFor(plan, options.observerInvites);
  await options.onPlanned?.(plan, truth);
  options.fake.setFileSource((fileId) =>
    simulatedPhoto(fileId, election, scenario.limits.photoLongSide, plan.observers),
  );
  const before = await fetchSummary(options.target, election.slug);
  const delivery = await runScenario({
    plan,
    scenario,
    target: options.target,
    secretToken: options.secretToken,
    observerInvites,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if ((options.drainTimeoutSeconds ?? 0) > 0) {
    const { drained } = await waitForPipeline(
      options.target,
      options.drainTimeoutSeconds! * 1000,
      options.signal,
    );
    delivery.drained = drained;
  }
  return {
    plan,
    truth: { ...truth, baseline: before.voters, observersBaseline: before.observers ?? null, delivery },
    delivery,
  };
}

/**
 * The falsification the scenario's official results carry (`demoOfficialResults`, pure: the
 * same rows the live demo and bench/attack import).
 */
function officialTruth(plan: ScenarioPlan, scenario: Scenario, election: ElectionDefinition) {
  const official = scenario.official;
  if (!official) return {};
  const { falsifiedPrecincts } = demoOfficialResults(plan, scenario, election);
  return { official: { falsifiedPrecincts, favour: official.favour, shift: official.shift } };
}

/** One invite code per planned observer, in the plan's order. */
async function invitesFor(plan: ScenarioPlan, source: ObserverInvites | undefined): Promise<string[]> {
  const precincts = plan.observers.map((observer) => observer.precinctCode);
  if (precincts.length === 0) return [];
  if (!source) {
    throw new Error(
      `the scenario has ${precincts.length} observers, and observers join only with invites: give invites for their precincts`,
    );
  }
  // Given invites were planned in their own order, so the first N are the observers'.
  if (source.kind === 'given') return source.invites.slice(0, precincts.length).map((invite) => invite.code);
  return source.create(precincts);
}

/**
 * Waits until the server's `/metrics` show nothing left to do: no inbox row and no media item
 * pending, on two readings a second apart (processing a message can request a photo).
 */
export async function waitForPipeline(
  target: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ drained: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let idleReadings = 0;
  while (Date.now() < deadline && !signal?.aborted) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const text = await metricsText(target);
    const idle = sample(text, 'dauys_inbox_unprocessed') === 0 && sample(text, 'dauys_media_pending') === 0;
    idleReadings = idle ? idleReadings + 1 : 0;
    if (idleReadings >= 2) return { drained: true };
  }
  return { drained: false };
}

async function metricsText(target: string): Promise<string> {
  const response = await fetch(new URL('/metrics', target));
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return response.text();
}

function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}
