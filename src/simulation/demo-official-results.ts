/**
 * Official results for a simulated day, so the dashboard has something to compare the voters'
 * and observers' figures with: every simulated precinct reports its true count (the one its
 * observer copies), and a seeded share of them is falsified (votes moved to one choice) — at
 * precincts with an observer only `observedFalsifiedShare` of them. Demo data, never real.
 */
import type { ElectionDefinition } from '../domain/election/election-definition';
import { choiceFigureKey } from '../services/official-results-csv';
import type { OfficialResultRow } from '../store/repositories/official-results.repository';
import { trueCount } from './precinct-protocols';
import type { Scenario } from './scenario';
import type { ScenarioPlan } from './scenario-plan';
import { chance, createRng } from './seeded';

/**
 * @example
 * const { rows, falsifiedPrecincts } = demoOfficialResults(plan, scenario, election);
 * await app.officialImport.importRows(systemActor('live-demo'), { id, slug }, 'demo: simulated official results', rows);
 */
export function demoOfficialResults(
  plan: ScenarioPlan,
  scenario: Scenario,
  election: ElectionDefinition,
): { rows: OfficialResultRow[]; falsifiedPrecincts: string[] } {
  const official = scenario.official;
  if (!official) return { rows: [], falsifiedPrecincts: [] };
  const rng = createRng(scenario.seed + 101);
  const { roles } = election.protocol;
  const observed = new Set(plan.observers.map((observer) => observer.precinctCode));
  const rows: OfficialResultRow[] = [];
  const falsifiedPrecincts: string[] = [];
  for (const precinct of plan.precincts) {
    const { registered, cast, invalid, votes } = trueCount(
      precinct,
      election,
      scenario.voters.shares,
      official.turnout,
    );
    const falsifiedShare = observed.has(precinct.code)
      ? (official.observedFalsifiedShare ?? official.falsifiedShare)
      : official.falsifiedShare;
    if (chance(rng, falsifiedShare)) {
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
