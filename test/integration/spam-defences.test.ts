import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBallotPhoto } from '../../src/simulation/ballot-image';
import { generateUnrelatedImage } from '../../src/simulation/unrelated-image';
import { DEFAULT_RATE_LIMITS } from '../../src/domain/spam/spam-thresholds';
import { cliActor } from '../../src/services/audit.service';
import { ballotVoterKey } from '../../src/services/ballot-report.service';
import { openSpamScenario, type SpamScenario } from '../support/spam-scenario';
import { testDatabases } from '../support/test-databases';

/** Seconds between the 7 messages of a scripted vote: one script, the same pauses every time. */
const SCRIPTED = [1, 1, 1, 1, 1, 1];

describe.each(testDatabases())('spam defences wired into the pipeline on $name', ({ name }) => {
  let scenario: SpamScenario;
  let ballotSeed = 100;
  const ballot = async (choiceId: string) =>
    (
      await generateBallotPhoto(scenario.definition, {
        seed: ballotSeed++,
        marking: { kind: 'one', choiceId },
      })
    ).jpeg;

  beforeAll(async () => {
    scenario = await openSpamScenario(name);
  }, 120_000);

  afterAll(async () => {
    await scenario?.close();
  });

  it('counts genuine voters with their own ballot photos, confirmed', async () => {
    for (let i = 0; i < 4; i++) {
      scenario.vote({
        participant: `genuine-${i}`,
        precinct: '102',
        choiceId: i % 2 ? 'adal' : 'ak-zhol',
        photo: await ballot(i % 2 ? 'adal' : 'ak-zhol'),
        startAt: scenario.at(10 + i * 7),
      });
    }
    await scenario.drain();
    for (let i = 0; i < 4; i++) {
      const report = await scenario.report(`genuine-${i}`);
      expect(report.status, JSON.stringify(report.spam?.signals)).toBe('confirmed');
      expect(report.signalIds).toContain('ballot-confirms-choice');
      expect(report.spam?.verdict).toBe('ok');
    }
  }, 120_000);

  it('quarantines a flood of unrelated pictures from fresh scripted accounts', async () => {
    for (let i = 0; i < 8; i++) {
      scenario.vote({
        participant: `flood-${i}`,
        precinct: '101',
        choiceId: 'nur-otan',
        photo: (await generateUnrelatedImage({ seed: 500 + i })).jpeg,
        startAt: scenario.at(60 + i),
        gapsSeconds: [...SCRIPTED],
      });
    }
    await scenario.drain();
    for (let i = 0; i < 8; i++) {
      const report = await scenario.report(`flood-${i}`);
      expect(report.status).toBe('spam');
      expect(report.signalIds).toEqual(expect.arrayContaining(['not-a-ballot', 'inhumanly-fast']));
      for (const signal of report.spam!.signals) {
        expect(signal.weight).toEqual(expect.any(Number));
        expect(signal.detail.length).toBeGreaterThan(5);
      }
    }
    expect((await scenario.report('flood-7')).signalIds).toContain('identical-timing');
    const p1 = await scenario.summary('p1');
    expect(p1.spam).toBe(8);
    expect(p1.choices.find((c) => c.id === 'nur-otan')?.count).toBe(0);
  }, 120_000);

  it('quarantines one picture sent from many accounts, its first sender included once the copies arrive', async () => {
    const picture = await ballot('nur-otan');
    for (let i = 0; i < 4; i++) {
      scenario.vote({
        participant: `copy-${i}`,
        precinct: '103',
        choiceId: 'nur-otan',
        photo: picture,
        startAt: scenario.at(120 + i * 9),
      });
      // One at a time: the first sender is scored (and counted) before any copy exists.
      await scenario.drain();
      if (i === 0) expect((await scenario.report('copy-0')).status).toBe('confirmed');
    }
    for (let i = 0; i < 4; i++) {
      const report = await scenario.report(`copy-${i}`);
      expect(report.status).toBe('spam');
      expect(report.signalIds).toContain('exact-duplicate-photo');
      expect(report.signalIds).not.toContain('ballot-confirms-choice');
    }
  }, 120_000);

  it('quarantines re-encoded, resized copies of one picture (near duplicates by perceptual hash)', async () => {
    const original = await ballot('auyl');
    for (let i = 0; i < 7; i++) {
      const copy = await sharp(original)
        .resize({ width: 1100 - i * 60 })
        .modulate({ brightness: 1 + i * 0.02 })
        .jpeg({ quality: 60 + i * 4 })
        .toBuffer();
      scenario.vote({
        participant: `near-${i}`,
        precinct: '201',
        choiceId: 'auyl',
        photo: copy,
        startAt: scenario.at(180 + i * 5),
      });
    }
    await scenario.drain();
    for (let i = 0; i < 7; i++) {
      const report = await scenario.report(`near-${i}`);
      expect(report.signalIds, `near-${i}`).toContain('near-duplicate-photo');
      expect(report.status, `near-${i}`).toBe('spam');
    }
  }, 120_000);

  it('quarantines one account voting over and over, and keeps a voter who corrects once', async () => {
    scenario.vote({
      participant: 'repeater',
      precinct: '101',
      choiceId: 'nur-otan',
      photo: (await generateUnrelatedImage({ seed: 700 })).jpeg,
      startAt: scenario.at(240),
    });
    for (let i = 1; i < 6; i++)
      scenario.correct(
        'repeater',
        { photo: (await generateUnrelatedImage({ seed: 700 + i })).jpeg },
        scenario.at(240 + i * 4),
      );
    scenario.vote({ participant: 'corrector', precinct: '102', choiceId: 'adal', startAt: scenario.at(240) });
    scenario.correct('corrector', { choiceId: 'auyl' }, scenario.at(250));
    await scenario.drain();
    const repeater = await scenario.report('repeater');
    expect(repeater.status).toBe('spam');
    expect(repeater.signalIds).toContain('repeat-votes');
    const corrector = await scenario.report('corrector');
    expect(corrector).toMatchObject({ status: 'no_photo', choice_id: 'auyl' });
    expect(corrector.signalIds).not.toContain('repeat-votes');
  }, 120_000);

  it('flags a burst at one small precinct for review without losing a vote', async () => {
    const before = await scenario.summary();
    for (let i = 0; i < 24; i++) {
      scenario.vote({
        participant: `crowd-${i}`,
        precinct: '203',
        // Three choices, 8 each: a crowd, but no one choice's crowd (over 15).
        choiceId: ['adal', 'nur-otan', 'ak-zhol'][i % 3]!,
        startAt: scenario.at(300 + i),
      });
    }
    await scenario.drain();
    const reports = await Promise.all(Array.from({ length: 24 }, (_, i) => scenario.report(`crowd-${i}`)));
    expect(reports.filter((r) => r.status === 'spam')).toHaveLength(0);
    expect(reports[0]!.status).toBe('no_photo');
    const last = reports[23]!;
    expect(last.signalIds).toEqual(expect.arrayContaining(['precinct-burst', 'precinct-implausible']));
    expect(last.status).toBe('pending_review');
    const after = await scenario.summary();
    expect(after.counted - before.counted).toBe(24);
  }, 120_000);

  it('quarantines a crowd voting for one choice without photos at one precinct, its first members included', async () => {
    const before = await scenario.summary('p5');
    scenario.vote({ participant: 'neighbour', precinct: '202', choiceId: 'adal', startAt: scenario.at(598) });
    for (let i = 0; i < 17; i++) {
      scenario.vote({
        participant: `mob-${i}`,
        precinct: '202',
        choiceId: 'auyl',
        startAt: scenario.at(600 + i),
      });
    }
    scenario.vote({
      participant: 'mob-photographer',
      precinct: '202',
      choiceId: 'auyl',
      photo: await ballot('auyl'),
      startAt: scenario.at(620),
    });
    await scenario.drain();
    for (let i = 0; i < 17; i++) {
      const report = await scenario.report(`mob-${i}`);
      expect(report.status, `mob-${i}`).toBe('spam');
      expect(report.signalIds).toContain('unconfirmed-crowd');
    }
    // Another choice, and a vote with its own photo, are not part of the crowd.
    expect(await scenario.report('neighbour')).toMatchObject({ status: 'no_photo' });
    const photographer = await scenario.report('mob-photographer');
    expect(photographer.signalIds).not.toContain('unconfirmed-crowd');
    expect(photographer.status).not.toBe('spam');
    const after = await scenario.summary('p5');
    expect(after.spam - before.spam).toBe(17);
    expect(after.counted - before.counted).toBe(2);
  }, 120_000);

  it('scores delayed messages by their own dates: a day of votes arriving at once is no burst', async () => {
    for (let i = 0; i < 24; i++) {
      scenario.vote({
        participant: `late-${i}`,
        precinct: '204',
        choiceId: i % 2 ? 'ak-zhol' : 'auyl',
        // Sent over nine hours, all received just now (the blackout lifted).
        startAt: scenario.at(i * 22),
      });
    }
    await scenario.drain();
    for (let i = 0; i < 24; i++) {
      const report = await scenario.report(`late-${i}`);
      expect(report.signalIds).not.toContain('precinct-burst');
      expect(report.status).toBe('no_photo');
    }
    const p7 = await scenario.summary('p7');
    expect(p7).toMatchObject({ received: 24, counted: 24, spam: 0 });
  }, 120_000);

  it('flags links typed into the bot, and quarantines the same promotion from several accounts', async () => {
    scenario.vote({
      participant: 'linker',
      precinct: '101',
      choiceId: 'adal',
      startAt: scenario.at(400),
      typed: 'see www.example.com',
    });
    for (let i = 0; i < 3; i++) {
      scenario.vote({
        participant: `promo-${i}`,
        precinct: '102',
        choiceId: 'nur-otan',
        startAt: scenario.at(410 + i * 3),
        typed: 'The real Dauys bot is t.me/dauys_official_bot, vote there!',
      });
    }
    await scenario.drain();
    const linker = await scenario.report('linker');
    expect(linker.signalIds).toContain('links');
    expect(linker.status).toBe('pending_review');
    for (let i = 0; i < 3; i++) {
      const report = await scenario.report(`promo-${i}`);
      expect(report.signalIds).toEqual(expect.arrayContaining(['links', 'copied-text']));
      expect(report.status, `promo-${i}`).toBe('spam');
    }
  }, 120_000);

  it('flags a ballot photo marked for another choice than the one stated', async () => {
    scenario.vote({
      participant: 'mismatch',
      precinct: '201',
      choiceId: 'nur-otan',
      photo: await ballot('adal'),
      startAt: scenario.at(450),
    });
    await scenario.drain();
    const report = await scenario.report('mismatch');
    expect(report.signalIds).toContain('marked-choice-mismatch');
    expect(report.spam!.signals.find((s) => s.id === 'marked-choice-mismatch')!.detail).toContain('adal');
    expect(report.status).toBe('pending_review');
  }, 120_000);

  it('lets a moderator restore a quarantined vote, audited, and re-scoring never undoes it', async () => {
    const moderation = scenario.app.moderation;
    const copy0 = await scenario.report('copy-0');
    const genuine = await scenario.report('genuine-0');
    const countedBefore = (await scenario.summary()).counted;
    await moderation.reviewBallots(cliActor('test'), scenario.election, [copy0.id], 'approve');
    await moderation.reviewBallots(cliActor('test'), scenario.election, [genuine.id], 'spam');
    expect((await scenario.report('copy-0')).status).toBe('confirmed');
    expect((await scenario.summary()).counted).toBe(countedBefore);

    // Another copy arrives: the group is re-scored, the moderators' decisions stand.
    scenario.vote({
      participant: 'copy-4',
      precinct: '103',
      choiceId: 'nur-otan',
      photo: (
        await scenario.app.database.db
          .selectFrom('webchat_uploads')
          .select('bytes')
          .where('participant', '=', 'copy-1')
          .executeTakeFirstOrThrow()
      ).bytes,
      startAt: scenario.at(500),
    });
    await scenario.drain();
    expect((await scenario.report('copy-4')).status).toBe('spam');
    const restored = await scenario.report('copy-0');
    expect(restored.status).toBe('confirmed');
    expect(restored.spam!.verdict).toBe('spam');
    expect((await scenario.report('genuine-0')).status).toBe('spam');
    const audit = await scenario.app.database.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('target', '=', `ballot:${copy0.id}`)
      .execute();
    expect(audit).toEqual([{ action: 'ballot.approve', target: `ballot:${copy0.id}` }]);
  }, 120_000);

  it('answers an account over the hard message cap once, and handles nothing more from it', async () => {
    const cap = DEFAULT_RATE_LIMITS.accountMessagesPerHour;
    const start = scenario.at(600).getTime();
    for (let i = 0; i < cap; i++)
      scenario.say('chatty', { kind: 'command', command: 'start', args: '' }, new Date(start + i * 1000));
    scenario.vote({
      participant: 'chatty',
      precinct: '101',
      choiceId: 'adal',
      startAt: new Date(start + cap * 1000),
    });
    await scenario.drain();
    const replies = await scenario.app.database.db
      .selectFrom('outbox')
      .select('message')
      .where('participant', '=', 'chatty')
      .orderBy('id')
      .execute();
    const capped = replies.filter((r) => JSON.stringify(r.message).includes('voter.too_many_messages'));
    expect(capped).toHaveLength(1);
    // The cap's answer is the last reply: the vote after it was neither answered nor recorded.
    expect(JSON.stringify(replies.at(-1)!.message)).toContain('voter.too_many_messages');
    const report = await scenario.app.database.db
      .selectFrom('ballot_reports')
      .select('id')
      .where('voter_key', '=', ballotVoterKey(scenario.app.secret, scenario.election.slug, 'chatty'))
      .executeTakeFirst();
    expect(report).toBeUndefined();
  }, 120_000);

  it('publishes the spam, no-photo and against-all shares and the official bots with the impostor warning', async () => {
    const slug = scenario.election.slug;
    const answer = await scenario.test.server.inject({
      method: 'GET',
      url: `/api/v1/elections/${slug}/summary`,
    });
    expect(answer.statusCode).toBe(200);
    const { voters, election } = answer.json();
    expect(voters.spam).toBeGreaterThan(0);
    expect(voters.shares.spam).toBeCloseTo(voters.spam / voters.received, 6);
    expect(voters.shares.noPhoto).toBeCloseTo(voters.noPhoto / voters.received, 6);
    expect(voters.shares.againstAll).toBeCloseTo(voters.againstAll / voters.received, 6);
    expect(election.bots.impostorWarning).toEqual(scenario.definition.bots!.impostorWarning);
    const list = await scenario.test.server.inject({ method: 'GET', url: '/api/v1/elections' });
    const listed = list.json().elections.find((e: { slug: string }) => e.slug === slug);
    expect(listed.bots.impostorWarning.kk).toBe(scenario.definition.bots!.impostorWarning!.kk);
  }, 120_000);
});
