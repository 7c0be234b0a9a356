import { METHODS } from './methods';
import { protocolDiscrepanciesReading, uncertaintyDescription } from './readings';
import type { ExplainedResult, Reading, StationResult } from './types';

export interface PrecinctDiscrepancy {
  id: string;
  /** Official minus protocol, per choice. */
  votes: Record<string, number>;
  ballotsCast?: number;
  invalid?: number;
  /** Official minus protocol turnout (fraction). */
  turnout?: number;
}

export interface ProtocolDiscrepanciesResult extends ExplainedResult {
  tolerance: number;
  precinctsCompared: number;
  precinctsBeyondTolerance: PrecinctDiscrepancy[];
  /** Per choice: votes the official result took away from it and gave to it, over all precincts. */
  movedAway: Record<string, number>;
  movedTo: Record<string, number>;
  uncertainty: { kind: string; described: Reading };
}

/**
 * The observer's copy of the precinct protocol against the official result for the same precinct:
 * differences per choice, in ballots cast (turnout) and in invalid ballots; the precincts where any
 * difference exceeds the tolerance; and the totals of votes moved away from and to every choice.
 *
 * @example
 * protocolDiscrepancies(stations, 0).movedTo.putin; // votes the official result added to Putin
 */
export function protocolDiscrepancies(
  stations: readonly StationResult[],
  tolerance = 0,
): ProtocolDiscrepanciesResult | null {
  const compared = stations.filter((s) => !s.officialMissing && s.protocol !== undefined);
  if (compared.length === 0) return null;
  const movedAway: Record<string, number> = {};
  const movedTo: Record<string, number> = {};
  const beyond: PrecinctDiscrepancy[] = [];
  for (const s of compared) {
    const protocol = s.protocol!;
    const discrepancy: PrecinctDiscrepancy = { id: s.id, votes: {} };
    let worst = 0;
    for (const choice of new Set([...Object.keys(s.votes), ...Object.keys(protocol.votes)])) {
      const difference = (s.votes[choice] ?? 0) - (protocol.votes[choice] ?? 0);
      discrepancy.votes[choice] = difference;
      worst = Math.max(worst, Math.abs(difference));
      if (difference > 0) movedTo[choice] = (movedTo[choice] ?? 0) + difference;
      if (difference < 0) movedAway[choice] = (movedAway[choice] ?? 0) - difference;
    }
    if (protocol.ballotsCast !== undefined) {
      discrepancy.ballotsCast = s.ballotsCast - protocol.ballotsCast;
      const registered = protocol.registered ?? s.registered;
      if (s.registered > 0 && registered > 0) {
        discrepancy.turnout = s.ballotsCast / s.registered - protocol.ballotsCast / registered;
      }
      worst = Math.max(worst, Math.abs(discrepancy.ballotsCast));
    }
    if (protocol.invalid !== undefined) {
      discrepancy.invalid = s.invalid - protocol.invalid;
      worst = Math.max(worst, Math.abs(discrepancy.invalid));
    }
    if (worst > tolerance) beyond.push(discrepancy);
  }
  return {
    method: METHODS.protocolDiscrepancies,
    inputs: { tolerance, difference: 'official − observer protocol' },
    sampleSize: compared.length,
    tolerance,
    precinctsCompared: compared.length,
    precinctsBeyondTolerance: beyond,
    movedAway,
    movedTo,
    uncertainty: {
      kind: 'none: precinct-by-precinct comparison of documents',
      described: uncertaintyDescription.documents(),
    },
    reading: protocolDiscrepanciesReading(compared.length, beyond.length),
  };
}
