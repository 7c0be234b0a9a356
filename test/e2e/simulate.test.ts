import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotVoterKey } from '../../src/services/ballot-report.service';
import { pseudonymFor } from '../../src/security/pseudonym';
import type { ScenarioTruth } from '../../src/simulation/scenario-truth';
import { runDauys, startDauys, type RunningDauys } from '../support/dauys-process';
import { TEST_TELEGRAM, testEnv } from '../support/start-test-server';
import { waitUntil } from '../support/wait-until';

const SLUG = 'kz-2021-mazhilis';

/** A tiny day with every attack switched on, small enough for a test. */
const TINY_SCENARIO = {
  seed: 11,
  voters: {
    count: 12,
    precincts: 4,
    shares: { 'nur-otan': 0.25, 'ak-zhol': 0.25, adal: 0.25, 'against-all': 0.25 },
    photoShare: 0.5,
  },
  attacks: {
    flood: { accounts: 3, choice: 'nur-otan' },
    duplicateImage: { accounts: 3, choice: 'nur-otan' },
    repeatVoter: { accounts: 1, votes: 3, choice: 'nur-otan' },
    precinctBurst: { accounts: 3, choice: 'nur-otan' },
    textSpam: { accounts: 2, messagesPerAccount: 2, choice: 'nur-otan' },
    blackout: { share: 0.25, delayMinutes: 120 },
    replay: { updates: 5, forged: 4 },
  },
  // No pauses between taps: the test checks delivery and the report, not timing signals.
  limits: { concurrency: 24, deadlineSeconds: 240, humanPace: false },
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function summary(url: string) {
  const response = await fetch(`${url}/api/v1/elections/${SLUG}/summary`);
  return (await response.json()) as {
    voters: { received: number; counted: number; choices: Array<{ id: string; count: number }> };
    official: { precinctsReported: number } | null;
  };
}

/** `dauys simulate` as a user runs it, against `dauys start --demo` in its own process. */
describe('dauys simulate', () => {
  let dir: string;
  let server: RunningDauys;
  let apiPort: number;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-simulate-'));
    apiPort = await freePort();
    const env = testEnv({ fakeUrl: `http://127.0.0.1:${apiPort}`, dataDir: path.join(dir, 'data') });
    server = await startDauys(['--demo'], { ...env, TELEGRAM_MAX_SENDS_PER_SECOND: '1000' }, 170_000);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it(
    'plays every attack through the webhook, writes the truth, and reports the published figures against it',
    { timeout: 300_000 },
    async () => {
      const scenarioFile = path.join(dir, 'tiny.json');
      const truthFile = path.join(dir, 'truth.json');
      await fs.writeFile(scenarioFile, JSON.stringify(TINY_SCENARIO));
      const before = await summary(server.url);
      const run = await runDauys(
        [
          'simulate',
          '--scenario',
          scenarioFile,
          '--target',
          server.url,
          '--api-port',
          String(apiPort),
          '--truth',
          truthFile,
          '--report',
          '--drain-timeout',
          '120',
        ],
        { TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM.webhookSecret, DAUYS_SECRET: TEST_TELEGRAM.dauysSecret },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`ground truth written to ${truthFile}`);

      const truth = JSON.parse(await fs.readFile(truthFile, 'utf8')) as ScenarioTruth;
      expect(truth.election).toBe(SLUG);
      expect(truth.genuine).toMatchObject({
        voters: 12,
        votes: { 'nur-otan': 3, 'ak-zhol': 3, adal: 3, 'against-all': 3 },
      });
      expect(Object.keys(truth.attacks).sort()).toEqual(
        ['duplicateImage', 'flood', 'precinctBurst', 'repeatVoter', 'textSpam'].sort(),
      );
      expect(truth.attacks.flood?.accounts).toBe(3);
      expect(truth.senders).toHaveLength(12 + 3 + 3 + 1 + 3 + 2);
      const sender = truth.senders[0]!;
      expect(sender.voterKey).toBe(
        ballotVoterKey(
          TEST_TELEGRAM.dauysSecret,
          SLUG,
          pseudonymFor(TEST_TELEGRAM.dauysSecret, 'telegram', sender.userId),
        ),
      );
      const delivery = truth.delivery!;
      expect(delivery.incomplete).toEqual([]);
      expect(delivery.refused).toBe(0);
      expect(delivery.byKind.late?.accounts).toBe(truth.genuine.late);
      // (g) replayed updates are acknowledged (Telegram must not resend them) but dropped; forged posts refused.
      expect(delivery.replay).toEqual({ replayed: 5, replayAcknowledged: 5, forged: 4, forgedRejected: 4 });

      // One report per account: corrections and replays added none.
      const after = await summary(server.url);
      expect(after.voters.received - before.voters.received).toBe(truth.senders.length);
      const counted = after.voters.counted - before.voters.counted;
      expect(run.stdout).toContain(`published: received ${truth.senders.length}, counted ${counted}`);
      expect(run.stdout).toContain(`counted − genuine: ${counted - 12 >= 0 ? '+' : ''}${counted - 12}`);
      // Each choice's line: the true votes, and what the platform published.
      for (const choice of after.voters.choices) {
        const trueVotes = truth.genuine.votes[choice.id] ?? 0;
        const line = run.stdout.split('\n').find((candidate) => candidate.startsWith(choice.id.padEnd(18)));
        expect(line, choice.id).toBeDefined();
        expect(line!.slice(18).trim().split(/\s+/).slice(0, 1)).toEqual([String(trueVotes)]);
        const published = choice.count - (before.voters.choices.find((c) => c.id === choice.id)?.count ?? 0);
        expect(line!.slice(18).trim().split(/\s+/)[2]).toBe(String(published));
      }
      expect(run.stdout).toMatch(/largest gap, voters' figures vs truth: \d+\.\d\d pt/);

      // --report alone reads the truth file again and prints the same comparison.
      const again = await runDauys(['simulate', '--report', '--truth', truthFile, '--target', server.url]);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`counted − genuine: ${counted - 12 >= 0 ? '+' : ''}${counted - 12}`);
    },
  );

  it('refuses a target off this machine and a scenario with a bad field, with exit code 2', async () => {
    const remote = await runDauys(['simulate', '--report', '--target', 'https://dauys.example']);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toContain('this machine only');
    const bad = path.join(dir, 'bad.json');
    await fs.writeFile(bad, JSON.stringify({ voters: { count: 'many', shares: {} } }));
    const invalid = await runDauys([
      'simulate',
      '--scenario',
      bad,
      '--target',
      server.url,
      '--api-port',
      '0',
    ]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`${bad}:$.voters.count`);

    // Observers join only by invite: without invites for them the run does not start.
    const observed = path.join(dir, 'observed.json');
    await fs.writeFile(observed, JSON.stringify({ ...TINY_SCENARIO, observers: { precincts: 2 } }));
    const args = ['simulate', '--scenario', observed, '--target', server.url, '--api-port', '0'];
    const uninvited = await runDauys(args);
    expect(uninvited.code).toBe(2);
    expect(uninvited.stderr).toContain('give --observer-invites with at least 2 (got 0)');
    const sheet = path.join(dir, 'sheet.json');
    await fs.writeFile(sheet, JSON.stringify({ invites: [{ code: 'ABC', precinctCodes: [] }] }));
    const badSheet = await runDauys([...args, '--observer-invites', sheet]);
    expect(badSheet.code).toBe(2);
    expect(badSheet.stderr).toContain(`${sheet}:$.invites[0].precinctCodes`);
  });
});

describe('dauys start --demo', () => {
  it(
    'plays a live election day in the background, with official demo results to compare, and stops cleanly',
    { timeout: 180_000 },
    async () => {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-live-demo-'));
      // No bot token: the live demo runs its own fake Bot API (with a token it would stay off).
      const server = await startDauys(
        ['--demo'],
        { DAUYS_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' },
        90_000,
      );
      try {
        await waitUntil(async () => (await summary(server.url)).official?.precinctsReported === 80, {
          timeoutMs: 60_000,
          intervalMs: 500,
          what: 'the demo official results',
        });
        await waitUntil(
          async () => {
            const metrics = await (await fetch(`${server.url}/metrics`)).text();
            return /^dauys_webhook_updates_total\{[^}]*outcome="stored"[^}]*\} [1-9]/m.test(metrics);
          },
          { timeoutMs: 60_000, intervalMs: 500, what: 'simulated voters at the webhook' },
        );
        expect(server.output()).toContain('simulated official results imported (demo data)');
      } finally {
        expect(await server.stop()).toBe(0);
      }
      // A restart on the same data keeps the demo's seeding as it was: no second set of invites.
      const env = { DAUYS_DATA_DIR: dataDir, DATABASE_URL: '' };
      const invitesBefore = (await runDauys(['invite', 'list'], env)).stdout;
      expect(invitesBefore.match(/^#\d+\tkz-2021-mazhilis\t/gm)?.length).toBe(20);
      const again = await startDauys(['--demo'], { ...env, LOG_LEVEL: 'info' }, 90_000);
      try {
        await waitUntil(async () => again.output().includes('live demo already played'), {
          timeoutMs: 60_000,
          intervalMs: 250,
          what: 'the restarted demo to see it was played',
        });
      } finally {
        expect(await again.stop()).toBe(0);
      }
      expect((await runDauys(['invite', 'list'], env)).stdout).toBe(invitesBefore);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  );
});
