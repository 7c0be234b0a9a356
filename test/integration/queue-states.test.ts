import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxService } from '../../src/services/inbox.service';
import { QueueStatesService } from '../../src/services/queue-states.service';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases } from '../support/test-databases';

/** The backpressure /metrics shows (issue 20, item 4): each stage's depth and its oldest item. */
describe.each(testDatabases())('the pipeline queues on $name', ({ open }) => {
  let database: DatabaseHandle;
  let inbox: InboxService;
  let queues: QueueStatesService;

  beforeAll(async () => {
    database = await open();
    inbox = new InboxService(database.db, 'a-secret-of-at-least-32-characters!!');
    queues = new QueueStatesService(database.db);
  });

  afterAll(async () => {
    await database?.close();
  });

  const item = (id: string, receivedAt: Date) => ({
    dedupeKey: id,
    replyAddress: '42',
    inbound: {
      channel: 'telegram' as const,
      bot: 'voter' as const,
      participant: `p-${id}`,
      sentAt: receivedAt,
      receivedAt,
      content: { kind: 'text' as const, text: 'hello' },
    },
  });

  it('is empty with no age before anything arrives', async () => {
    const { inbox: waiting, media, transparency, outbox } = await queues.pipeline();
    expect(waiting).toEqual({ depth: 0, oldestAt: undefined });
    expect(media).toEqual({ depth: 0, oldestAt: undefined });
    expect(transparency).toEqual({ depth: 0, oldestAt: undefined });
    expect(outbox.size).toBe(0);
  });

  it('counts waiting inbox rows and dates the oldest by its arrival, not the newest', async () => {
    const oldest = new Date(Date.now() - 90_000);
    await inbox.accept([
      item('u1', new Date(Date.now() - 5_000)),
      item('u2', oldest),
      item('u3', new Date()),
    ]);
    const { inbox: waiting } = await queues.pipeline();
    expect(waiting.depth).toBe(3);
    expect(waiting.oldestAt?.getTime()).toBe(oldest.getTime());
  });
});
