import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBallotPhoto } from '../../src/simulation/ballot-image';
import { generateUnrelatedImage } from '../../src/simulation/unrelated-image';
import { cliActor } from '../../src/services/audit.service';
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
});
