import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/database-schema';
import { COUNTED_STATUSES } from '../../src/services/voter-tally.service';
import { runDauys } from '../support/dauys-process';
import { DEMO_SLUG } from './voter-load';

/** The published log as a test downloads it: the export, and `dauys verify` against its root. */
export interface PublishedLog {
  root: string;
  size: number;
  /** `dauys verify <export> --root <published root>` exited 0. */
  verified: boolean;
  entries: Array<{ seq: number; kind: string; record: Record<string, unknown> }>;
  text: string;
}

/** What the transparency log says against the database, for load, crash and multi-node tests. */
export interface TransparencyAudit {
  verified: boolean;
  size: number;
  /** Counted ballot reports whose last log record is missing or differs from their state. */
  missing: number[];
  /** Submissions with the same state logged twice in a row (appended more than once). */
  duplicated: number[];
  /** Log records of ballot reports that do not exist. */
  unknown: number[];
  /** Whether any voter key (a participant id) appears in the published export. */
  leaksParticipant: boolean;
}

/** Downloads the demo election's log from a running node and verifies it with `dauys verify`. */
export async function fetchPublishedLog(baseUrl: string): Promise<PublishedLog> {
  const head = (await (await fetch(`${baseUrl}/api/v1/elections/${DEMO_SLUG}/transparency`)).json()) as {
    root: string;
    size: number;
  };
  const text = await (await fetch(`${baseUrl}/api/v1/elections/${DEMO_SLUG}/transparency.ndjson`)).text();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-log-'));
  try {
    const file = path.join(dir, 'transparency.ndjson');
    await fs.writeFile(file, text);
    const verify = await runDauys(['verify', file, '--root', head.root, '--size', String(head.size)]);
    const entries = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(1)
      .map((line) => JSON.parse(line) as PublishedLog['entries'][number]);
    return { root: head.root, size: head.size, verified: verify.code === 0, entries, text };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Every counted ballot report is in the log, its last record equal to its current state, and
 * no state is logged twice: each accepted submission appears exactly once per accepted change.
 */
export async function auditTransparency(db: Kysely<Database>, log: PublishedLog): Promise<TransparencyAudit> {
  const reports = await db
    .selectFrom('ballot_reports')
    .select(['id', 'voter_key', 'precinct_code', 'choice_id', 'status'])
    .execute();
  const lastLogged = new Map<number, Record<string, unknown>>();
  const duplicated = new Set<number>();
  for (const entry of log.entries.filter((candidate) => candidate.kind === 'ballot_report')) {
    const submission = Number(entry.record.submission);
    const previous = lastLogged.get(submission);
    if (previous && JSON.stringify(previous) === JSON.stringify(entry.record)) duplicated.add(submission);
    lastLogged.set(submission, entry.record);
  }
  const byId = new Map(reports.map((report) => [Number(report.id), report]));
  const missing = reports
    .filter((report) => COUNTED_STATUSES.includes(report.status))
    .filter((report) => {
      const record = lastLogged.get(Number(report.id));
      return (
        !record ||
        record.precinct !== report.precinct_code ||
        record.choice !== report.choice_id ||
        record.status !== report.status
      );
    })
    .map((report) => Number(report.id));
  return {
    verified: log.verified,
    size: log.size,
    missing,
    duplicated: [...duplicated],
    unknown: [...lastLogged.keys()].filter((id) => !byId.has(id)),
    leaksParticipant: reports.some((report) => log.text.includes(report.voter_key)),
  };
}
