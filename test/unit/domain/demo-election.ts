import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseElectionDefinition } from '../../../src/domain/election/election-definition';

export const DEMO_ELECTION_PATH = fileURLToPath(
  new URL('../../../elections/kz-2021-mazhilis/election.json', import.meta.url),
);

/** Raw JSON that tests break on purpose at any depth, so it is deliberately untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EditableJson = any;

/** The demo file's raw JSON, a fresh copy each call so tests can break it freely. */
export function demoElectionJson(): EditableJson {
  return JSON.parse(readFileSync(DEMO_ELECTION_PATH, 'utf8'));
}

export function demoElection() {
  return parseElectionDefinition(demoElectionJson(), DEMO_ELECTION_PATH);
}
