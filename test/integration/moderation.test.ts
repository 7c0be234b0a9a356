import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleRole } from '../../src/store/tables/console.tables';
import { ConsoleClient } from '../support/console-client';
import { createConsoleUser, openConsoleTestApp, type ConsoleTestApp } from '../support/console-test-app';
import { CLEAN_PROTOCOL, seedModeration, type ModerationSeed } from '../support/moderation-seed';
import { testDatabases } from '../support/test-databases';

describe.each(testDatabases())('console work queues on $name', ({ name }) => {
  let harness: ConsoleTestApp;
  let seed: ModerationSeed;
  const clients = {} as Record<
    'moderator' | 'moderator2' | 'moderator3' | 'coordinator' | 'analyst',
    ConsoleClient
  >;

  async function signedInClient(role: ConsoleRole): Promise<ConsoleClient> {
    const client = new ConsoleClient(harness.server);
    await client.signIn(await createConsoleUser(harness.app, role));
    return client;
  }

  async function tally(status: string, area = 'p1'): Promise<number> {
    const rows = await harness.app.database.db
      .selectFrom('voter_tallies')
      .select('count')
      .where('election_id', '=', seed.election.id)
      .where('area_code', '=', area)
      .where('status', '=', status as never)
      .execute();
    return rows.reduce((sum, row) => sum + row.count, 0);
  }

  async function auditActions(): Promise<string[]> {
    return (await harness.app.audit.list({ limit: 200 })).map((entry) => entry.action);
  }

  beforeAll(async () => {
    harness = await openConsoleTestApp(name);
    seed = await seedModeration(harness.app, { ballots: 4 });
    clients.moderator = await signedInClient('moderator');
    clients.moderator2 = await signedInClient('moderator');
    clients.moderator3 = await signedInClient('moderator');
    clients.coordinator = await signedInClient('coordinator');
    clients.analyst = await signedInClient('analyst');
  });
  afterAll(async () => harness?.close());

  describe('ballot photos', () => {
    it('lists pending reports with photo, precinct, choice and signals, filtered by region', async () => {
      const all = (await clients.analyst.request('GET', '/console/api/ballots')).json();
      expect(all.items.map((item: { id: number }) => item.id)).toEqual(seed.ballotIds);
      expect(all.items[0]).toMatchObject({
        precinctCode: 'p1',
        choiceId: 'ak-zhol',
        status: 'pending_review',
        photo: 'ok',
        signals: { spam: { verdict: 'suspicious' } },
      });
      const region2 = (await clients.analyst.request('GET', '/console/api/ballots?area=r2')).json();
      expect(region2.items.map((item: { precinctCode: string }) => item.precinctCode)).toEqual(['p4', 'p4']);
    });

    it('serves the stripped photo to a signed-in user only', async () => {
      const url = `/console/api/ballots/${seed.ballotIds[0]}/photo?size=full`;
      const photo = await clients.analyst.request('GET', url);
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/jpeg');
      expect(photo.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect((await new ConsoleClient(harness.server).request('GET', url)).statusCode).toBe(401);
    });

    it('approves one report and moves the tally from pending to confirmed', async () => {
      const [first] = seed.ballotIds;
      const pendingBefore = await tally('pending_review');
      const response = await clients.moderator.request('POST', '/console/api/ballots/review', {
        body: { ids: [first], verdict: 'approve' },
      });
      expect(response.json().changes).toEqual([{ id: first, before: 'pending_review', after: 'confirmed' }]);
      expect(await tally('pending_review')).toBe(pendingBefore - 1);
      expect(await tally('confirmed')).toBe(1);
      expect(await auditActions()).toContain('ballot.approve');
    });

    it('bulk-marks spam (quarantined, not deleted), and undoes a decision', async () => {
      const [, second, third, fourth] = seed.ballotIds as [number, number, number, number];
      const bulk = await clients.moderator.request('POST', '/console/api/ballots/review', {
        body: { ids: [second, third, fourth], verdict: 'spam' },
      });
      expect(bulk.statusCode).toBe(200);
      expect(await tally('spam', 'r2')).toBe(2);
      const stored = await harness.app.database.db.selectFrom('ballot_reports').select('id').execute();
      expect(stored).toHaveLength(4);

      await clients.moderator.request('POST', '/console/api/ballots/review', {
        body: { ids: [second], verdict: 'undo' },
      });
      expect(await tally('spam', 'r2')).toBe(1);
      expect(await tally('pending_review', 'r2')).toBe(1);
      const actions = await auditActions();
      expect(actions.filter((action) => action === 'ballot.spam')).toHaveLength(3);
      expect(actions).toContain('ballot.undo');
    });

    it('refuses a bulk decision naming an unknown report, and changes none of the others', async () => {
      const before = await tally('pending_review', 'r2');
      const response = await clients.moderator.request('POST', '/console/api/ballots/review', {
        body: { ids: [seed.ballotIds[1], 999999], verdict: 'approve' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().message).toContain('999999');
      expect(await tally('pending_review', 'r2')).toBe(before);
    });

    it('refuses an analyst', async () => {
      const response = await clients.analyst.request('POST', '/console/api/ballots/review', {
        body: { ids: [seed.ballotIds[1]], verdict: 'approve' },
      });
      expect(response.statusCode).toBe(403);
    });

    it('lists only reports that carry a photo, unless asked for those without', async () => {
      const noPhoto = await harness.app.database.db.transaction().execute(async (tx) => {
        const sentAt = new Date('2021-01-10T09:00:00Z');
        const saved = await harness.app.ballots.record(tx, {
          electionId: seed.election.id,
          electionSlug: seed.election.slug,
          inbound: {
            channel: 'telegram',
            bot: 'voter',
            participant: 'moderation-voter-without-photo',
            sentAt,
            receivedAt: sentAt,
            content: { kind: 'text', text: 'no photo' },
          },
          precinctCode: 'p2',
          choiceId: 'adal',
          keepRecordedPhoto: false,
          sentAt,
          delayed: false,
        });
        await harness.app.ballots.setStatus(tx, saved.id, seed.election.id, 'pending_review');
        return saved.id;
      });
      const ids = async (query: string) =>
        (
          (await clients.analyst.request('GET', `/console/api/ballots${query}`)).json() as {
            items: Array<{ id: number }>;
          }
        ).items.map((item) => item.id);
      expect(await ids('?status=all')).toEqual(seed.ballotIds);
      expect(await ids('?status=all&photo=without')).toEqual([noPhoto]);
      expect(await ids('?status=all&photo=any')).toEqual([...seed.ballotIds, noPhoto]);
      const bad = await clients.analyst.request('GET', '/console/api/ballots?photo=maybe');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('photo');
      await harness.app.database.db
        .transaction()
        .execute((tx) => harness.app.ballots.setStatus(tx, noPhoto, seed.election.id, 'no_photo'));
    });
  });

  describe('violations', () => {
    it('suggests redactions, refuses a bad one, and publishes the redacted text only', async () => {
      const queue = (await clients.moderator.request('GET', '/console/api/violations')).json();
      const item = queue.items.find((entry: { id: number }) => entry.id === seed.violationId);
      expect(item.suggestedRedactions.map((span: { kind: string }) => span.kind)).toEqual(['phone', 'iin']);

      const bad = await clients.moderator.request(
        'POST',
        `/console/api/violations/${seed.violationId}/publish`,
        {
          body: { redactions: [{ start: 0, end: 10_000, kind: 'name' }] },
        },
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].where).toBe('body.redactions[0]');
      const unchanged = await harness.app.violations.list(seed.election, 'new');
      expect(unchanged.map((v) => v.id)).toContain(seed.violationId);

      const text: string = item.text;
      const name = { start: text.indexOf('Ерлан'), end: text.indexOf(' выгнал'), kind: 'name' };
      const published = await clients.moderator.request(
        'POST',
        `/console/api/violations/${seed.violationId}/publish`,
        {
          body: { redactions: [name, ...item.suggestedRedactions] },
        },
      );
      expect(published.json()).toEqual({
        status: 'published',
        text: 'Председатель [name] выгнал меня, звоните [phone], ИИН [IIN]',
      });
      const [row] = await harness.app.violations.list(seed.election, 'published');
      expect(row!.text).not.toContain('Сапаров');
      const entry = (await harness.app.audit.list({ limit: 1 }))[0]!;
      expect(entry.action).toBe('violation.publish');
      expect(JSON.stringify(entry)).not.toContain('Сапаров');
      // Moderators still see what the observer wrote.
      const again = (
        await clients.moderator.request('GET', '/console/api/violations?status=published')
      ).json();
      expect(again.items[0].originalText).toContain('Сапаров');
    });

    it('does not verify a violation that is already published', async () => {
      const response = await clients.moderator.request(
        'POST',
        `/console/api/violations/${seed.violationId}/verify`,
      );
      expect(response.statusCode).toBe(409);
    });
  });

  describe('SOS', () => {
    it('lists open alerts for every role until a coordinator acknowledges them', async () => {
      const open = (await clients.analyst.request('GET', '/console/api/sos')).json();
      expect(open.alerts.map((alert: { id: number }) => alert.id)).toEqual([seed.sosId]);
      const byModerator = await clients.moderator.request(
        'POST',
        `/console/api/sos/${seed.sosId}/acknowledge`,
      );
      expect(byModerator.statusCode).toBe(403);
      const ack = await clients.coordinator.request('POST', `/console/api/sos/${seed.sosId}/acknowledge`);
      expect(ack.statusCode).toBe(204);
      expect((await clients.analyst.request('GET', '/console/api/sos')).json().alerts).toEqual([]);
      const twice = await clients.coordinator.request('POST', `/console/api/sos/${seed.sosId}/acknowledge`);
      expect(twice.statusCode).toBe(404);
    });
  });

  describe('protocol transcription', () => {
    const url = () => `/console/api/protocols/${seed.protocolId}`;
    const typed = (overrides: Record<string, number>) => ({ figures: { ...CLEAN_PROTOCOL, ...overrides } });

    it('hides the observer’s figures from the sheet', async () => {
      const sheet = (await clients.moderator.request('GET', `${url()}/sheet`)).json();
      expect(sheet.task).toEqual({ kind: 'blind' });
      expect(sheet.slots.map((slot: { key: string }) => slot.key)).toContain('6.nur-otan');
      expect(sheet.candidates).toBeNull();
      expect(JSON.stringify(sheet)).not.toContain('590');
      expect((await clients.moderator.request('GET', `${url()}/outcome`)).json().final).toBeNull();
    });

    it('takes two blind transcriptions, never twice from one moderator, and a third resolves', async () => {
      const first = await clients.moderator.request('POST', `${url()}/transcriptions`, {
        body: typed({ '7': 10 }),
      });
      expect(first.json().stage).toBe('awaiting_second');
      const again = await clients.moderator.request('POST', `${url()}/transcriptions`, { body: typed({}) });
      expect(again.statusCode).toBe(400);

      const second = await clients.moderator2.request('POST', `${url()}/transcriptions`, {
        body: typed({ '7': 11 }),
      });
      expect(second.json()).toMatchObject({ stage: 'disputed', final: null });
      expect((await clients.moderator.request('GET', `${url()}/sheet`)).json().task.kind).toBe('none');
      // The queue's stage filter: the disputed protocol is listed under "disputed" only.
      const byStage = async (stage: string) =>
        (await clients.analyst.request('GET', `/console/api/protocols?stage=${stage}`))
          .json()
          .items.map((item: { protocolId: number }) => item.protocolId);
      expect(await byStage('disputed')).toEqual([seed.protocolId]);
      expect(await byStage('awaiting_second')).toEqual([]);
      const badStage = await clients.analyst.request('GET', '/console/api/protocols?stage=lost');
      expect(badStage.statusCode).toBe(400);

      const sheet = (await clients.moderator3.request('GET', `${url()}/sheet`)).json();
      expect(sheet.task).toEqual({ kind: 'resolve', disputedKeys: ['7'] });
      expect(sheet.candidates).toEqual({ '7': [10, 11] });
      const resolved = await clients.moderator3.request('POST', `${url()}/transcriptions`, {
        body: { figures: { '7': 12 } },
      });
      expect(resolved.json()).toMatchObject({
        stage: 'resolved',
        final: { ...CLEAN_PROTOCOL, '7': 12 },
        differences: [{ key: '7', transcribed: 12, observer: 10 }],
      });
      const actions = await auditActions();
      expect(actions.filter((action) => action === 'protocol.transcribe.blind')).toHaveLength(2);
      expect(actions).toContain('protocol.transcribe.resolver');
    });
  });

  describe('observers', () => {
    it('shows coverage, creates and revokes an invite (its precincts lose their observer)', async () => {
      const coverage = (await clients.analyst.request('GET', '/console/api/coverage?area=r1-d1')).json();
      expect(coverage.precincts).toEqual([
        expect.objectContaining({ code: 'p1', observers: 1, protocols: 1, merged: 'accepted' }),
        expect.objectContaining({ code: 'p2', observers: 1, protocols: 0 }),
      ]);

      const bad = await clients.coordinator.request('POST', '/console/api/invites', {
        body: { precincts: ['nope'] },
      });
      expect(bad.statusCode).toBe(400);
      const created = await clients.coordinator.request('POST', '/console/api/invites', {
        body: { precincts: ['p3'] },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().code).toMatch(/^[A-Z2-9]{10}$/);

      const [original] = (await clients.coordinator.request('GET', '/console/api/invites')).json().invites;
      const revoked = await clients.coordinator.request('POST', `/console/api/invites/${original.id}/revoke`);
      expect(revoked.json().invite.status).toBe('revoked');
      const after = (await clients.analyst.request('GET', '/console/api/coverage?area=r1-d1')).json();
      expect(after.totals).toMatchObject({ withObserver: 0, withProtocol: 1 });
      const actions = await auditActions();
      expect(actions).toEqual(expect.arrayContaining(['invite.create', 'invite.revoke']));
    });
  });

  describe('official results upload', () => {
    const mapping = { precinct: 'uik', lines: { '1': 'registered' }, choices: { 'nur-otan': 'nur_otan' } };

    it('previews row-level errors and imports nothing, then imports a clean file', async () => {
      const bad = await clients.coordinator.request('POST', '/console/api/official/preview', {
        body: { csv: 'uik,registered,nur_otan\np1,1000,300\np9,abc,5\n', mapping, source: 'results.csv' },
      });
      expect(bad.json()).toMatchObject({ ok: false });
      expect(bad.json().issues.map((issue: { where: string }) => issue.where)).toEqual([
        'results.csv:3:uik',
        'results.csv:3:registered',
      ]);
      const importRefused = await clients.coordinator.request('POST', '/console/api/official/import', {
        body: { csv: 'uik,registered,nur_otan\np9,1,1\n', mapping },
      });
      expect(importRefused.statusCode).toBe(400);
      const none = await harness.app.database.db
        .selectFrom('official_results')
        .select('precinct_code')
        .execute();
      expect(none).toEqual([]);

      const csv = 'uik,registered,nur_otan\np1,1000,300\np2,2000,700\n';
      const preview = await clients.coordinator.request('POST', '/console/api/official/preview', {
        body: { csv, mapping },
      });
      expect(preview.json()).toMatchObject({ ok: true, total: 2 });
      const imported = await clients.coordinator.request('POST', '/console/api/official/import', {
        body: { csv, mapping },
      });
      expect(imported.json()).toEqual({ precincts: 2 });
      expect(await auditActions()).toContain('official.import');
    });
  });

  it('keeps the audit chain intact through all of it', async () => {
    expect(await harness.app.audit.verify()).toMatchObject({ ok: true });
  });
});
