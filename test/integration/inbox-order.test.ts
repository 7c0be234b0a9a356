import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelRegistry } from '../../src/channels/channel-sender';
import type { InboundMessage } from '../../src/flows/messages';
import { InboxWorker } from '../../src/jobs/inbox-worker';
import { pipelineMetrics } from '../../src/jobs/pipeline-metrics';
import { createLogger } from '../../src/logger';
import { createMetrics } from '../../src/metrics';
import { InboxService, type InboxItem } from '../../src/services/inbox.service';
import { OutboxService } from '../../src/services/outbox.service';
import type { DatabaseHandle } from '../../src/store/database';
import { echoConversation } from '../support/echo-conversation';
import { TEST_TELEGRAM } from '../support/start-test-server';
import { testDatabases } from '../support/test-databases';
import { waitUntil } from '../support/wait-until';

const secret = TEST_TELEGRAM.dauysSecret;

function item(participant: string, text: string, dedupeKey: string): InboxItem {
  const now = new Date();
  const inbound: InboundMessage = {
    channel: 'telegram',
    bot: 'voter',
    participant,
    sentAt: now,
    receivedAt: now,
    content: { kind: 'text', text },
  };
  return { inbound, dedupeKey, replyAddress: `chat-${participant}` };
}

describe.each(testDatabases())('inbox processing on $name', ({ open }) => {
  let database: DatabaseHandle;
  let inbox: InboxService;
  let outbox: OutboxService;

  beforeAll(async () => {
    database = await open();
    inbox = new InboxService(database.db, secret);
    outbox = new OutboxService(database.db, secret, new ChannelRegistry(), createLogger('silent'));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores a batch in one call, counting duplicates within it and against earlier ones', async () => {
    const first = await inbox.accept([
      item('dup', 'x', 'd-1'),
      item('dup', 'x', 'd-1'),
      item('dup', 'y', 'd-2'),
    ]);
    expect(first).toEqual({ stored: 2, duplicates: 1 });
    expect(await inbox.accept([item('dup', 'y', 'd-2')])).toEqual({ stored: 0, duplicates: 1 });
    expect(await inbox.acceptOne(item('dup', 'z', 'd-3'))).toBe('stored');
    expect(await inbox.acceptOne(item('dup', 'z', 'd-3'))).toBe('duplicate');
  });

  it('processes each row once, in order per participant, with several workers at once and a failing row', async () => {
    const participants = Array.from({ length: 12 }, (_, index) => `order-${index}`);
    const perParticipant = 8;
    const items: InboxItem[] = [];
    for (let n = 0; n < perParticipant; n += 1) {
      for (const participant of participants)
        items.push(item(participant, `${participant}#${n}`, `${participant}/${n}`));
    }
    // Accepted concurrently, as webhooks arrive: group commit batches them.
    await Promise.all(items.map((one) => inbox.acceptOne(one)));

    const echo = echoConversation();
    // One row fails twice before it succeeds: its participant's later rows must wait for it.
    echo.failOn('order-3#2', 2);
    const slowEcho = {
      run: async (...args: Parameters<typeof echo.run>) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
        return echo.run(...args);
      },
    };
    const metrics = pipelineMetrics(createMetrics().registry);
    const workers = Array.from(
      { length: 3 },
      () =>
        new InboxWorker(database.db, slowEcho, outbox, createLogger('silent'), metrics, {
          batchSize: 5,
          retryBaseMs: 30,
          idleMs: 20,
        }),
    );
    workers.forEach((worker) => worker.start());
    try {
      await waitUntil(async () => (await inbox.countPending()) === 0, {
        what: 'the inbox to drain',
        timeoutMs: 60_000,
      });
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }

    const rows = await database.db
      .selectFrom('outbox')
      .innerJoin('inbox', 'inbox.id', 'outbox.inbox_id')
      .select(['outbox.id', 'outbox.participant', 'outbox.message', 'outbox.inbox_id', 'inbox.status'])
      .where('outbox.participant', 'like', 'order-%')
      .orderBy('outbox.id')
      .execute();
    // Exactly once: one reply per inbox row, every row done.
    expect(rows).toHaveLength(participants.length * perParticipant);
    expect(new Set(rows.map((row) => row.inbox_id)).size).toBe(rows.length);
    expect(rows.every((row) => row.status === 'done')).toBe(true);
    // In order: each participant's replies were committed in the order of their messages.
    for (const participant of participants) {
      const texts = rows
        .filter((row) => row.participant === participant)
        .map((row) => (row.message as { text: Array<{ literal: string }> }).text[0]?.literal);
      expect(texts).toEqual(Array.from({ length: perParticipant }, (_, n) => `echo: ${participant}#${n}`));
    }
    const failed = await database.db
      .selectFrom('inbox')
      .select(['status', 'message'])
      .where('dedupe_key', '=', 'order-3/2')
      .executeTakeFirstOrThrow();
    // Retried until it succeeded; its content dropped once processed.
    expect(failed).toEqual({ status: 'done', message: null });
  });

  it('dead-letters a row that keeps failing, and moves on to the participant’s next one', async () => {
    await inbox.accept([item('dead', 'poison', 'dead/0'), item('dead', 'after poison', 'dead/1')]);
    const echo = echoConversation();
    echo.failOn('poison', 100);
    const worker = new InboxWorker(
      database.db,
      echo,
      outbox,
      createLogger('silent'),
      pipelineMetrics(createMetrics().registry),
      {
        maxAttempts: 3,
        retryBaseMs: 10,
        idleMs: 20,
      },
    );
    worker.start();
    try {
      await waitUntil(async () => (await inbox.countPending()) === 0, { what: 'the inbox to drain' });
    } finally {
      await worker.stop();
    }
    const rows = await database.db
      .selectFrom('inbox')
      .select(['dedupe_key', 'status', 'attempts', 'last_error'])
      .where('participant', '=', 'dead')
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [row.dedupe_key, row.status])).toEqual([
      ['dead/0', 'dead'],
      ['dead/1', 'done'],
    ]);
    expect(rows[0]?.attempts).toBe(3);
    expect(rows[0]?.last_error).toContain('poison');
  });
});
