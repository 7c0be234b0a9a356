/**
 * Official results for a simulated day, made from its truth so the dashboard has something to
 * compare the voters' figures with: every simulated precinct reports the true distribution, and
 * a seeded share of them is falsified (votes moved to one choice). Demo data, never real.
 */
import type { ElectionDefinition } from '../domain/election/election-definition';
import { choiceFigureKey } from '../services/official-results-csv';
import type { OfficialResultRow } from '../store/repositories/official-results.repository';
import type { Scenario } from './scenario';
import { apportion, type ScenarioPlan } from './scenario-plan';
import type { ScenarioTruth } from './scenario-truth';
import { chance, createRng } from './seeded';

/** Registered voters assumed where the geography gives none. */
const DEFAULT_REGISTERED = 1000;
const INVALID_SHARE = 0.015;

/**
 * @example
 * const { rows, falsifiedPrecincts } = demoOfficialResults(plan, scenario, election, truth);
 * await app.officialImport.importRows(tx, electionId, 'demo: simulated official results', rows);
 */
export function demoOfficialResults(
  plan: ScenarioPlan,
  scenario: Scenario,
  election: ElectionDefinition,
  truth: ScenarioTruth,
): { rows: OfficialResultRow[]; falsifiedPrecincts: string[] } {
  const official = scenario.official;
  if (!official) return { rows: [], falsifiedPrecincts: [] };
  const rng = createRng(scenario.seed + 101);
  const { roles } = election.protocol;
  const ballotShares = Object.fromEntries(
    election.choices.map((choice) => [choice.id, truth.genuine.shares[choice.id] ?? 0]),
  );
  const anyShare = Object.values(ballotShares).some((share) => share > 0);
  const rows: OfficialResultRow[] = [];
  const falsifiedPrecincts: string[] = [];
  for (const precinct of plan.precincts) {
    const registered = precinct.registeredVoters ?? DEFAULT_REGISTERED;
    const cast = Math.round(registered * official.turnout);
    const invalid = Math.round(cast * INVALID_SHARE);
    const votes = new Map(election.choices.map((choice) => [choice.id, 0]));
    if (anyShare) for (const id of apportion(ballotShares, cast - invalid)) votes.set(id, votes.get(id)! + 1);
    if (chance(rng, official.falsifiedShare)) {
      falsifiedPrecincts.push(precinct.code);
      for (const [id, n] of votes) {
        if (id === official.favour) continue;
        const moved = Math.floor(n * official.shift);
        votes.set(id, n - moved);
        votes.set(official.favour, votes.get(official.favour)! + moved);
      }
    }
    const figures: Record<string, number> = {
      [String(roles.registeredVoters)]: registered,
      [String(roles.ballotsCast)]: cast,
      ...(roles.invalidBallots !== undefined ? { [String(roles.invalidBallots)]: invalid } : {}),
    };
    for (const [id, n] of votes) figures[choiceFigureKey(election, id)] = n;
    rows.push({ precinctCode: precinct.code, figures });
  }
  return { rows, falsifiedPrecincts };
}
