/**
 * Turns the stream of what accounts do — messages and ballot reports, in time order — into the
 * figures `scoreBallotReport` weighs: rates in sliding windows, duplicate photos across accounts,
 * shared timing fingerprints, copied text. Pure and in memory: the service feeds it from the
 * store, the simulator from its generated traffic, tests from a few lines of scenario.
 */
import { conversationStart as findConversationStart, copiedTextKey } from './account-activity';
import { ExactDuplicateIndex, NearDuplicateIndex } from './duplicate-clusters';
import { SlidingWindowCounter } from './rate-window';
import type { BallotReportSignals, PhotoReading } from './score-ballot-report';
import { NEAR_DUPLICATE_MAX_BITS_256, NEAR_DUPLICATE_MAX_BITS_64 } from './spam-thresholds';
import { timingFingerprint } from './timing-fingerprint';

export interface ObservedMessage {
  account: string;
  /** The message's own timestamp. */
  atMs: number;
  /** Free text the account typed, if any. */
  text?: string;
}

export interface ObservedReport {
  account: string;
  atMs: number;
  precinct: string;
  registeredVoters: number | null;
  statedChoiceId: string;
  statedChoiceOnBallot: boolean;
  photo: { id: string; sha256: string; phash: string; reading: PhotoReading | null } | null;
  isBot?: boolean;
}

const HOUR_MS = 60 * 60_000;
const crowdKey = (report: ObservedReport): string => `${report.precinct}\u0000${report.statedChoiceId}`;
const MINUTE_MS = 60_000;

/**
 * Feed messages and reports in time order; each report gets its signals as of that moment, and
 * `signalsNow` re-derives them later (a photo's duplicates keep arriving after it).
 *
 * @example
 * const tracker = new SpamSignalTracker();
 * tracker.message({ account: 'a', atMs: t0 });
 * const { id, signals } = tracker.report({ account: 'a', atMs: t0 + 60_000, precinct: 'p1', … });
 * scoreBallotReport(signals).verdict; // 'ok'
 */
export class SpamSignalTracker {
  private readonly messages = new Map<string, number[]>();
  private readonly textsByAccount = new Map<string, string[]>();
  private readonly accountsByText = new Map<string, Set<string>>();
  private readonly messagesPerMinute = new SlidingWindowCounter(MINUTE_MS);
  private readonly votesPerHour = new SlidingWindowCounter(HOUR_MS);
  private readonly precinctPerHour = new SlidingWindowCounter(HOUR_MS);
  private readonly precinctTotals = new Map<string, number>();
  /** Times of the reports without a photo, by precinct and stated choice. */
  private readonly unconfirmedTimes = new Map<string, number[]>();
  private readonly exact = new ExactDuplicateIndex();
  private readonly near = new NearDuplicateIndex();
  private readonly accountsByTiming = new Map<string, Set<string>>();
  private readonly reports: Array<{
    report: ObservedReport;
    signals: BallotReportSignals;
    timing: string | null;
  }> = [];

  message(message: ObservedMessage): void {
    const times = this.messages.get(message.account) ?? [];
    times.push(message.atMs);
    this.messages.set(message.account, times);
    this.messagesPerMinute.add(message.account, message.atMs);
    if (message.text?.trim()) {
      const texts = this.textsByAccount.get(message.account) ?? [];
      texts.push(message.text);
      this.textsByAccount.set(message.account, texts);
      const key = copiedTextKey(message.text);
      if (key) {
        const accounts = this.accountsByText.get(key) ?? new Set<string>();
        accounts.add(message.account);
        this.accountsByText.set(key, accounts);
      }
    }
  }

  /** Records a report (its message included) and returns its id and signals as of now. */
  report(report: ObservedReport): { id: number; signals: BallotReportSignals } {
    this.message({ account: report.account, atMs: report.atMs });
    const times = (this.messages.get(report.account) ?? [])
      .filter((t) => t <= report.atMs)
      .sort((a, b) => a - b);
    const conversationStart = findConversationStart(times);
    const timing = timingFingerprint(times.slice(conversationStart));
    if (timing) {
      const accounts = this.accountsByTiming.get(timing) ?? new Set<string>();
      accounts.add(report.account);
      this.accountsByTiming.set(timing, accounts);
    }
    const precinctTotal = (this.precinctTotals.get(report.precinct) ?? 0) + 1;
    this.precinctTotals.set(report.precinct, precinctTotal);
    if (!report.photo) {
      const key = crowdKey(report);
      this.unconfirmedTimes.set(key, [...(this.unconfirmedTimes.get(key) ?? []), report.atMs]);
    }
    if (report.photo) {
      this.exact.add(report.photo.sha256, report.account);
      this.near.add({ id: report.photo.id, account: report.account, hash: report.photo.phash });
    }
    const signals: BallotReportSignals = {
      statedChoiceId: report.statedChoiceId,
      statedChoiceOnBallot: report.statedChoiceOnBallot,
      photo: null,
      account: {
        secondsSinceFirstMessage: (report.atMs - times[0]!) / 1000,
        earlierMessages: conversationStart,
        votesLastHour: this.votesPerHour.add(report.account, report.atMs),
        messagesLastMinute: this.messagesPerMinute.count(report.account, report.atMs),
        sameTimingAccounts: 0,
        isBot: report.isBot,
      },
      precinct: {
        reportsLastHour: this.precinctPerHour.add(report.precinct, report.atMs),
        reportsTotal: precinctTotal,
        registeredVoters: report.registeredVoters,
        unconfirmedSameChoice: 0,
      },
      texts: this.conversationTexts(report.account),
      sameTextAccounts: 0,
    };
    this.reports.push({ report, signals, timing });
    const id = this.reports.length - 1;
    return { id, signals: this.signalsNow(id) };
  }

  /** A report's signals with today's knowledge of duplicates, shared timing and copied text. */
  signalsNow(id: number): BallotReportSignals {
    const entry = this.reports[id];
    if (!entry) throw new Error(`SpamSignalTracker: no report ${id}`);
    const { report, signals, timing } = entry;
    const photo = report.photo;
    const maxBits =
      photo && photo.phash.length > 16 ? NEAR_DUPLICATE_MAX_BITS_256 : NEAR_DUPLICATE_MAX_BITS_64;
    return {
      ...signals,
      photo: photo && {
        reading: photo.reading,
        exactDuplicateAccounts: this.exact.otherAccounts(photo.sha256, report.account),
        nearDuplicateAccounts: this.near.otherAccountsWithin(
          { id: photo.id, account: report.account, hash: photo.phash },
          maxBits,
        ),
      },
      account: {
        ...signals.account,
        sameTimingAccounts: timing ? (this.accountsByTiming.get(timing)?.size ?? 1) - 1 : 0,
      },
      precinct: {
        ...signals.precinct,
        unconfirmedSameChoice: photo
          ? 0
          : (this.unconfirmedTimes.get(crowdKey(report)) ?? []).filter(
              (t) => Math.abs(t - report.atMs) <= HOUR_MS,
            ).length,
      },
      sameTextAccounts: this.copiedTextAccounts(report.account),
    };
  }

  private conversationTexts(account: string): string[] {
    return this.textsByAccount.get(account) ?? [];
  }

  private copiedTextAccounts(account: string): number {
    let most = 0;
    for (const text of this.conversationTexts(account)) {
      const key = copiedTextKey(text);
      const accounts = key ? this.accountsByText.get(key) : undefined;
      if (accounts) most = Math.max(most, accounts.size - 1);
    }
    return most;
  }
}
