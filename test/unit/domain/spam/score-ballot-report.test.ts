import { describe, expect, it } from 'vitest';
import { scoreBallotReport, type BallotReportSignals } from '../../../../src/domain/spam/score-ballot-report';
import { confirms, genuineVote, notABallot, noPhotoVote } from './spam-scenario';

/**
 * The score on the figures each attack leaves. How the figures are counted — windows by the
 * messages' own dates, duplicates and shared timing across accounts, crowds either side of a
 * vote, the first members re-counted as a group grows — is tested on the code that counts them,
 * test/integration/spam-figures.test.ts.
 */
const ids = (signals: BallotReportSignals) => scoreBallotReport(signals).signals.map((s) => s.id);

describe('scoreBallotReport on the figures each attack leaves', () => {
  it('quarantines a flood of non-ballot pictures from fresh scripted accounts', () => {
    for (const sameTimingAccounts of [1, 39]) {
      const flood = genuineVote('nur-otan', {
        photo: { reading: notABallot },
        account: { secondsSinceFirstMessage: 6, messagesLastMinute: 7, sameTimingAccounts },
      });
      const assessment = scoreBallotReport(flood);
      expect(assessment.verdict).toBe('spam');
      expect(assessment.signals.map((s) => s.id)).toEqual(
        expect.arrayContaining(['not-a-ballot', 'inhumanly-fast', 'identical-timing']),
      );
    }
  });

  it('quarantines one picture behind many votes, exact or re-encoded, with no bonus for the ballot it shows', () => {
    const copies = [
      genuineVote('nur-otan', { photo: { exactDuplicateAccounts: 11 } }),
      genuineVote('nur-otan', { photo: { nearDuplicateAccounts: 11 } }),
    ];
    for (const copy of copies) {
      const assessment = scoreBallotReport(copy);
      expect(assessment.verdict).toBe('spam');
      expect(assessment.signals.map((s) => s.id)).not.toContain('ballot-confirms-choice');
    }
    // One other account with the same file (a family forwarding one photo) is named, not quarantined.
    const shared = scoreBallotReport(genuineVote('nur-otan', { photo: { exactDuplicateAccounts: 1 } }));
    expect(shared.signals.map((s) => s.id)).toContain('exact-duplicate-photo');
    expect(shared.verdict).toBe('suspicious');
  });

  it('stops one account voting over and over, and lets a voter correct a vote once', () => {
    const repeater = scoreBallotReport(
      genuineVote('nur-otan', { photo: { reading: notABallot }, account: { votesLastHour: 7 } }),
    );
    expect(repeater.verdict).toBe('spam');
    expect(repeater.signals.find((s) => s.id === 'repeat-votes')?.detail).toBe(
      '7 votes from this account in the last hour',
    );
    const correction = scoreBallotReport(genuineVote('adal', { account: { votesLastHour: 2 } }));
    expect(correction.verdict).toBe('ok');
  });

  it('names a burst of mixed choices at one precinct, but such a burst alone does not quarantine votes', () => {
    // 40 reports in the hour at a precinct of 120 voters, 14 of them for this choice without a photo.
    const burst = noPhotoVote({
      precinct: { reportsLastHour: 40, reportsTotal: 40, registeredVoters: 120, unconfirmedSameChoice: 14 },
    });
    const assessment = scoreBallotReport(burst);
    const signalIds = assessment.signals.map((s) => s.id);
    expect(signalIds).toEqual(expect.arrayContaining(['precinct-burst', 'precinct-implausible']));
    expect(signalIds).not.toContain('unconfirmed-crowd');
    expect(assessment.verdict).toBe('suspicious');
  });

  it('quarantines a crowd voting for one choice without photos at one precinct, and judges a photo on its own merits', () => {
    const crowd = (unconfirmedSameChoice: number) =>
      noPhotoVote({ precinct: { registeredVoters: 900, reportsLastHour: 16, unconfirmedSameChoice } });
    const member = scoreBallotReport(crowd(16));
    expect(member.signals.map((s) => s.id)).toContain('unconfirmed-crowd');
    expect(member.verdict).toBe('spam');
    // Alone (the first member as it arrived, or the same precinct a day later): one vote without a photo.
    expect(scoreBallotReport(crowd(1)).verdict).toBe('ok');
    const withPhoto = scoreBallotReport(
      genuineVote('adal', {
        precinct: { registeredVoters: 900, reportsLastHour: 16, unconfirmedSameChoice: 0 },
      }),
    );
    expect(withPhoto.signals.map((s) => s.id)).not.toContain('unconfirmed-crowd');
    expect(withPhoto.verdict).not.toBe('spam');
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
    // What the scorer is given: links and handles as typed, a stand-in for each longer text.
    const typed = ['t.me/dauys_kz_b0t', '@dauys_real_bot', '(a longer typed text)'];
    const promoter = scoreBallotReport(
      genuineVote('adal', { photo: { reading: notABallot }, texts: typed, sameTextAccounts: 4 }),
    );
    expect(promoter.verdict).toBe('spam');
    expect(promoter.signals.find((s) => s.id === 'links')?.detail).toContain('t.me/dauys_kz_b0t');
    expect(promoter.signals.map((s) => s.id)).toContain('copied-text');
    // A place typed by one account only is neither.
    const typist = genuineVote('adal', { texts: ['(a longer typed text)'], sameTextAccounts: 0 });
    expect(ids(typist)).not.toContain('links');
    expect(ids(typist)).not.toContain('copied-text');
    expect(scoreBallotReport(typist).verdict).toBe('ok');
  });
});

describe('scoreBallotReport on single signals', () => {
  const genuine = genuineVote('adal');

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

  it('does not call a one-message SMS vote inhumanly fast, but still sees the same speed in a chat', () => {
    const oneMessage = { secondsSinceFirstMessage: 0, messagesLastMinute: 1 };
    const chat = scoreBallotReport(noPhotoVote({ account: oneMessage }));
    expect(chat.signals.map((s) => s.id)).toContain('inhumanly-fast');
    expect(chat.verdict).toBe('suspicious');
    const sms = scoreBallotReport(noPhotoVote({ account: { ...oneMessage, textOnly: true } }));
    expect(sms.signals.map((s) => s.id)).toEqual(['no-photo', 'fresh-account']);
    expect(sms.verdict).toBe('ok');
  });
});
