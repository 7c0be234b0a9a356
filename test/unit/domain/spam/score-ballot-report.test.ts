import { describe, expect, it } from 'vitest';
import { SpamSignalTracker } from '../../../../src/domain/spam/report-tracker';
import { scoreBallotReport, type BallotReportSignals } from '../../../../src/domain/spam/score-ballot-report';
import {
  ELECTION_DAY,
  MINUTE,
  confirms,
  flipBits,
  genuineVoters,
  notABallot,
  noPhotoVote,
  randomHash,
  walkConversation,
} from './spam-scenario';

function verdicts(tracker: SpamSignalTracker, ids: number[]) {
  return ids.map((id) => scoreBallotReport(tracker.signalsNow(id)));
}

function expectAllOk(tracker: SpamSignalTracker, ids: number[]) {
  for (const assessment of verdicts(tracker, ids))
    expect(assessment.verdict, JSON.stringify(assessment)).toBe('ok');
}

describe('scoreBallotReport on small scenarios (genuine traffic mixed in stays ok)', () => {
  it('quarantines a flood of non-ballot pictures from fresh scripted accounts', () => {
    const tracker = new SpamSignalTracker();
    const genuine = genuineVoters(tracker, 30);
    const flood = Array.from({ length: 40 }, (_, i) =>
      walkConversation(tracker, {
        account: `fake-${i}`,
        startMs: ELECTION_DAY + 90 * MINUTE + i * 20_000,
        choiceId: 'nur-otan',
        gapsSeconds: [1, 1, 1, 1, 1, 1],
        photo: {
          id: `obscene-${i}`,
          sha256: `${randomHash()}${randomHash()}`,
          phash: randomHash(),
          reading: notABallot,
        },
      }),
    );
    for (const assessment of verdicts(tracker, flood)) {
      expect(assessment.verdict).toBe('spam');
      const ids = assessment.signals.map((s) => s.id);
      expect(ids).toEqual(expect.arrayContaining(['not-a-ballot', 'inhumanly-fast', 'identical-timing']));
    }
    expectAllOk(tracker, genuine);
  });

  it('finds one picture sent from many accounts, exact or re-encoded, and re-scores the first sender too', () => {
    const tracker = new SpamSignalTracker();
    const genuine = genuineVoters(tracker, 30);
    const sha = `${randomHash()}${randomHash()}`;
    const phash = randomHash();
    const copies = Array.from({ length: 12 }, (_, i) =>
      walkConversation(tracker, {
        account: `copier-${i}`,
        startMs: ELECTION_DAY + 40 * MINUTE + i * 11 * MINUTE,
        choiceId: 'nur-otan',
        // Half send the same file, half a re-encoded copy (a few bits of the perceptual hash differ).
        photo:
          i % 2 === 0
            ? { id: `copy-${i}`, sha256: sha, phash, reading: confirms('nur-otan') }
            : {
                id: `copy-${i}`,
                sha256: `${randomHash()}${randomHash()}`,
                phash: flipBits(phash, 2),
                reading: confirms('nur-otan'),
              },
      }),
    );
    const firstBefore = scoreBallotReport(tracker.signalsNow(copies[0]!));
    expect(firstBefore.signals.map((s) => s.id)).toContain('exact-duplicate-photo');
    for (const assessment of verdicts(tracker, copies)) {
      expect(assessment.verdict).toBe('spam');
      expect(assessment.signals.map((s) => s.id)).not.toContain('ballot-confirms-choice');
    }
    expectAllOk(tracker, genuine);
  });

  it('stops one account voting over and over, and lets a voter correct a vote once', () => {
    const tracker = new SpamSignalTracker();
    const genuine = genuineVoters(tracker, 20);
    const correction = walkConversation(tracker, {
      account: 'voter-3',
      startMs: ELECTION_DAY + 200 * MINUTE,
      choiceId: 'adal',
    });
    const repeats = Array.from({ length: 20 }, (_, i) =>
      walkConversation(tracker, {
        account: 'repeater',
        startMs: ELECTION_DAY + 60 * MINUTE + i * 2 * MINUTE,
        choiceId: 'nur-otan',
        gapsSeconds: [4, 6, 3, 5, 7, 4].map((g) => g + (i % 3)),
        photo: {
          id: `r-${i}`,
          sha256: `${randomHash()}${randomHash()}`,
          phash: randomHash(),
          reading: notABallot,
        },
      }),
    );
    const later = verdicts(tracker, repeats.slice(6));
    for (const assessment of later) {
      expect(assessment.verdict).toBe('spam');
      expect(assessment.signals.find((s) => s.id === 'repeat-votes')?.detail).toMatch(
        /\d+ votes from this account in the last hour/,
      );
    }
    expectAllOk(tracker, [...genuine, correction]);
  });

  it('names a burst of mixed choices at one precinct, but such a burst alone does not quarantine votes', () => {
    const tracker = new SpamSignalTracker();
    const genuine = genuineVoters(tracker, 20);
    const choices = ['nur-otan', 'adal', 'ak-zhol'];
    const burst = Array.from({ length: 40 }, (_, i) =>
      walkConversation(tracker, {
        account: `crowd-${i}`,
        startMs: ELECTION_DAY + 300 * MINUTE + i * 80_000,
        precinct: 'small-precinct',
        registeredVoters: 120,
        // 14 or fewer for each choice in any two hours: under the crowd limit of 15.
        choiceId: choices[i % 3]!,
        photo: null,
      }),
    );
    const late = verdicts(tracker, burst.slice(30));
    for (const assessment of late) {
      const ids = assessment.signals.map((s) => s.id);
      expect(ids).toEqual(expect.arrayContaining(['precinct-burst', 'precinct-implausible']));
      expect(ids).not.toContain('unconfirmed-crowd');
      expect(assessment.verdict).toBe('suspicious');
    }
    expectAllOk(tracker, genuine);
  });

  it('quarantines a crowd voting for one choice without photos at one precinct, its first members too', () => {
    const tracker = new SpamSignalTracker();
    const genuine = genuineVoters(tracker, 20);
    const vote = (account: string, minute: number, photo: boolean) =>
      walkConversation(tracker, {
        account,
        startMs: ELECTION_DAY + minute * MINUTE,
        precinct: 'crowded',
        registeredVoters: 900,
        choiceId: 'nur-otan',
        photo: photo
          ? {
              id: account,
              sha256: `${randomHash()}${randomHash()}`,
              phash: randomHash(),
              reading: confirms('nur-otan'),
            }
          : null,
      });
    const first = vote('crowd-0', 200, false);
    // Scored as it arrived, the first member was one vote without a photo…
    expect(scoreBallotReport(tracker.signalsNow(first)).verdict).toBe('ok');
    const crowd = [
      first,
      ...Array.from({ length: 15 }, (_, i) => vote(`crowd-${i + 1}`, 200.5 + i * 0.5, false)),
    ];
    const withPhoto = vote('photographer', 205, true);
    const nextDay = vote('tomorrow', 200 + 24 * 60, false);
    // …re-derived once the crowd has arrived, it is part of it.
    for (const assessment of verdicts(tracker, crowd)) {
      expect(assessment.signals.map((s) => s.id)).toContain('unconfirmed-crowd');
      expect(assessment.verdict).toBe('spam');
    }
    // A photo is judged on its own merits; the same precinct a day later is no crowd.
    const photoVerdict = scoreBallotReport(tracker.signalsNow(withPhoto));
    expect(photoVerdict.signals.map((s) => s.id)).not.toContain('unconfirmed-crowd');
    expect(photoVerdict.verdict).not.toBe('spam');
    expect(scoreBallotReport(tracker.signalsNow(nextDay)).signals.map((s) => s.id)).not.toContain(
      'unconfirmed-crowd',
    );
    expectAllOk(tracker, genuine);
  });

  it('fires the crowd signal only above the precinct limit', () => {
    const crowdOf = (unconfirmedSameChoice: number) =>
      noPhotoVote({ precinct: { registeredVoters: 2000, unconfirmedSameChoice } });
    // The limit is max(15, 1.5% of 2,000 = 30) = 30.
    expect(scoreBallotReport(crowdOf(30)).verdict).toBe('ok');
    const over = scoreBallotReport(crowdOf(31));
    expect(over.verdict).toBe('spam');
    expect(over.signals.find((s) => s.id === 'unconfirmed-crowd')?.detail).toContain('31 votes for "adal"');
  });

  it('flags links and @handles typed into the bot, and copied text across accounts', () => {
    const tracker = new SpamSignalTracker();
    const genuine = genuineVoters(tracker, 10);
    const place = walkConversation(tracker, {
      account: 'typist',
      startMs: ELECTION_DAY + 20 * MINUTE,
      texts: ['Алматы, учаскe 101'],
    });
    const spammers = Array.from({ length: 5 }, (_, i) =>
      walkConversation(tracker, {
        account: `promoter-${i}`,
        startMs: ELECTION_DAY + 30 * MINUTE + i * 9 * MINUTE,
        texts: ['Настоящий бот тут: t.me/dauys_kz_b0t и @dauys_real_bot'],
        photo: {
          id: `p-${i}`,
          sha256: `${randomHash()}${randomHash()}`,
          phash: randomHash(),
          reading: notABallot,
        },
      }),
    );
    for (const assessment of verdicts(tracker, spammers)) {
      expect(assessment.verdict).toBe('spam');
      expect(assessment.signals.find((s) => s.id === 'links')?.detail).toContain('t.me/dauys_kz_b0t');
      expect(assessment.signals.map((s) => s.id)).toContain('copied-text');
    }
    expectAllOk(tracker, [...genuine, place]);
  });
});

describe('scoreBallotReport on single signals', () => {
  const genuine: BallotReportSignals = {
    statedChoiceId: 'adal',
    statedChoiceOnBallot: true,
    photo: { reading: confirms('adal'), exactDuplicateAccounts: 0, nearDuplicateAccounts: 0 },
    account: {
      secondsSinceFirstMessage: 95,
      earlierMessages: 0,
      votesLastHour: 1,
      messagesLastMinute: 5,
      sameTimingAccounts: 0,
    },
    precinct: { reportsLastHour: 2, reportsTotal: 4, registeredVoters: 1200, unconfirmedSameChoice: 0 },
    texts: [],
    sameTextAccounts: 0,
  };

  it('keeps a genuine vote ok and says why it trusts it', () => {
    const assessment = scoreBallotReport(genuine);
    expect(assessment.verdict).toBe('ok');
    expect(assessment.signals.map((s) => s.id)).toEqual(['ballot-confirms-choice', 'fresh-account']);
  });

  it('sends a misread box to a moderator instead of quarantining the vote', () => {
    const assessment = scoreBallotReport({
      ...genuine,
      photo: { ...genuine.photo!, reading: confirms('auyl') },
    });
    expect(assessment.verdict).toBe('suspicious');
    expect(assessment.signals.find((s) => s.id === 'marked-choice-mismatch')?.detail).toBe(
      'stated "adal", the marked box reads "auyl" (reader confidence 0.95)',
    );
  });

  it('does not count a spoiled ballot against a voter who said "against all"', () => {
    const spoiled = { isBallot: true, confidence: 0.9, markedChoiceId: null, marks: 0 };
    const against = scoreBallotReport({
      ...genuine,
      statedChoiceId: 'against-all',
      statedChoiceOnBallot: false,
      photo: { ...genuine.photo!, reading: spoiled },
    });
    expect(against.signals.map((s) => s.id)).not.toContain('blank-or-spoiled-ballot');
    const party = scoreBallotReport({ ...genuine, photo: { ...genuine.photo!, reading: spoiled } });
    expect(party.signals.map((s) => s.id)).toContain('blank-or-spoiled-ballot');
  });

  it('ignores a reading the reader itself is unsure of', () => {
    const unsure = { ...notABallot, confidence: 0.3 };
    const assessment = scoreBallotReport({ ...genuine, photo: { ...genuine.photo!, reading: unsure } });
    expect(assessment.signals.map((s) => s.id)).not.toContain('not-a-ballot');
  });

  it('quarantines a vote from a bot account on that signal alone', () => {
    const assessment = scoreBallotReport({ ...genuine, account: { ...genuine.account, isBot: true } });
    expect(assessment.verdict).toBe('spam');
    expect(assessment.score).toBeCloseTo(1.1, 5);
    expect(assessment.signals.map((s) => s.id)).toContain('bot-account');
  });

  it('names a forwarded photo as a signal that queues the vote for a moderator, not quarantine', () => {
    const noPhoto = { ...genuine, photo: null };
    const assessment = scoreBallotReport({ ...noPhoto, account: { ...genuine.account, forwardedPhotos: 1 } });
    expect(assessment.signals.find((s) => s.id === 'forwarded-photo')?.detail).toContain('1 forwarded photo');
    expect(assessment.score).toBeCloseTo(scoreBallotReport(noPhoto).score + 0.4, 5);
    expect(assessment.verdict).toBe('suspicious');
  });
});
