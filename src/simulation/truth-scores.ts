/**
 * How well the platform told genuine reports from attacks, scored against a simulation's truth:
 * stored ballot reports are matched to senders by the server's ballot key (the truth carries it
 * when the simulator knew `DAUYS_SECRET`).
 */
import type { ScenarioTruth } from './scenario-truth';

/** A stored ballot report, as bench/attack.ts reads it from `ballot_reports`. */
export interface StoredReport {
  voterKey: string;
  status: string;
  choiceId: string;
  signals: Record<string, unknown>;
}

export interface TruthScores {
  reports: number;
  /** Reports whose sender the truth does not know (earlier runs, other traffic): left out. */
  unknownSenders: number;
  /** Of the reports marked spam, the share sent by attackers; null with no spam verdict. */
  spamPrecision: number | null;
  /** Of the attackers' reports, the share marked spam; null with no attack report. */
  spamRecall: number | null;
  /** Genuine voters (whose conversation was delivered) without a counted report for their choice. */
  genuineVotesLost: number;
  /**
   * How each was lost: quarantined as spam (stored with its signals; a moderator can restore it),
   * not recorded at all, or recorded for another choice than the voter's.
   */
  genuineLostHow: { quarantined: number; notRecorded: number; otherChoice: number };
  /** Share of genuine photos whose stored reading names the marked choice; null with no reading stored. */
  readingAccuracy: number | null;
  readingsCompared: number;
  /** Why genuine reports were marked spam: how often each signal was in their verdicts. */
  signalsOnGenuineSpam: Record<string, number>;
  /** Attack reports not marked spam, by attack kind. */
  missedByKind: Record<string, number>;
}

/**
 * @example
 * scoreReports(rows, truth); // { spamPrecision: 0.99, spamRecall: 0.97, genuineVotesLost: 0, … }
 */
export function scoreReports(reports: StoredReport[], truth: ScenarioTruth): TruthScores {
  const senders = new Map(
    truth.senders.flatMap((sender) => (sender.voterKey ? [[sender.voterKey, sender]] : [])),
  );
  if (senders.size === 0)
    throw new Error('scoreReports: the truth has no ballot keys (run with DAUYS_SECRET)');
  const unfinished = new Set(truth.delivery?.incomplete ?? []);
  const byKey = new Map(reports.map((report) => [report.voterKey, report]));
  let truePositives = 0;
  let spamVerdicts = 0;
  let attackReports = 0;
  let unknownSenders = 0;
  const signalsOnGenuineSpam: Record<string, number> = {};
  const missedByKind: Record<string, number> = {};
  for (const report of reports) {
    const sender = senders.get(report.voterKey);
    if (!sender) {
      unknownSenders += 1;
      continue;
    }
    const attack = sender.kind !== 'genuine';
    const spam = report.status === 'spam';
    if (spam) spamVerdicts += 1;
    if (attack) attackReports += 1;
    if (spam && attack) truePositives += 1;
    if (attack && !spam) missedByKind[sender.kind] = (missedByKind[sender.kind] ?? 0) + 1;
    if (spam && !attack) {
      for (const id of verdictSignalIds(report.signals))
        signalsOnGenuineSpam[id] = (signalsOnGenuineSpam[id] ?? 0) + 1;
    }
  }
  const lostHow = { quarantined: 0, notRecorded: 0, otherChoice: 0 };
  let readings = 0;
  let readCorrectly = 0;
  for (const sender of senders.values()) {
    if (sender.kind !== 'genuine' || unfinished.has(sender.userId)) continue;
    const report = byKey.get(sender.voterKey!);
    if (!report) lostHow.notRecorded += 1;
    else if (report.choiceId !== sender.choiceId) lostHow.otherChoice += 1;
    else if (report.status === 'spam') lostHow.quarantined += 1;
    if (!report || !sender.photo) continue;
    const read = storedReading(report.signals);
    if (read === undefined) continue;
    readings += 1;
    if (read.length === 1 && read[0] === sender.choiceId) readCorrectly += 1;
  }
  return {
    reports: reports.length,
    unknownSenders,
    spamPrecision: spamVerdicts > 0 ? truePositives / spamVerdicts : null,
    spamRecall: attackReports > 0 ? truePositives / attackReports : null,
    genuineVotesLost: lostHow.quarantined + lostHow.notRecorded + lostHow.otherChoice,
    genuineLostHow: lostHow,
    readingAccuracy: readings > 0 ? readCorrectly / readings : null,
    readingsCompared: readings,
    signalsOnGenuineSpam,
    missedByKind,
  };
}

/** The ids of the signals in a stored spam verdict (`signals.spam.signals[].id`). */
function verdictSignalIds(signals: Record<string, unknown>): string[] {
  const list = field(signals, 'spam')?.signals;
  if (!Array.isArray(list)) return [];
  return list.flatMap((signal: unknown) =>
    signal && typeof signal === 'object' && typeof (signal as { id?: unknown }).id === 'string'
      ? [(signal as { id: string }).id]
      : [],
  );
}

/**
 * The marked choices the ballot reader stored with a report: the spam verdict's photo reading
 * (`signals.spam.inputs.photo.reading`: `markedChoiceId` and the number of `marks`), or a
 * `markedChoiceIds` list; undefined when the report holds no reading.
 *
 * @example
 * storedReading({ spam: { inputs: { photo: { reading: { markedChoiceId: 'adal', marks: 1 } } } } }); // ['adal']
 */
export function storedReading(signals: Record<string, unknown>): string[] | undefined {
  const reading = field(field(field(field(signals, 'spam'), 'inputs'), 'photo'), 'reading');
  if (reading) {
    const marks = Number(reading.marks ?? 0);
    if (marks === 1 && typeof reading.markedChoiceId === 'string') return [reading.markedChoiceId];
    // No box or several boxes read: never the one marked choice.
    return Array.from({ length: marks }, () => '?');
  }
  for (const holder of [signals, field(signals, 'ballotCheck')]) {
    const marked = holder?.markedChoiceIds;
    if (Array.isArray(marked) && marked.every((id) => typeof id === 'string')) return marked as string[];
  }
  return undefined;
}

function field(
  value: Record<string, unknown> | undefined,
  name: string,
): Record<string, unknown> | undefined {
  const inner = value?.[name];
  return inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : undefined;
}
