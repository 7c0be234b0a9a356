import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/flows/messages';
import { InboxService, type InboxItem } from '../../src/services/inbox.service';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases } from '../support/test-databases';

const secret = 'inbox-unstorable-test-secret-0123456789abcdef';

function item(participant: string, text: string, dedupeKey: string): InboxItem {
  const now = new Date();
  const inbound: InboundMessage = {
    channel: 'whatsapp',
    bot: 'voter',
    participant,
    sentAt: now,
    receivedAt: now,
    content: { kind: 'text', text },
  };
  return { inbound, dedupeKey, replyAddress: `addr-${participant}` };
}

// Found by the webhook fuzzer: text PostgreSQL cannot store (NUL, a lone surrogate) failed the
// whole group-committed transaction, so every webhook that shared it answered 5xx.
describe.each(testDatabases())('the inbox and text PostgreSQL cannot store, on $name', ({ open }) => {
  let database: DatabaseHandle;
  let inbox: InboxService;

  beforeAll(async () => {
    database = await open();
    inbox = new InboxService(database.db, secret);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores NULs and lone surrogates in message text and sender ids as storable text', async () => {
    const outcomes = await Promise.all([
      inbox.acceptOne(item('p-1', 'a\u0000b', 'wamid.nul\u0000id')),
      inbox.acceptOne(item('p-1', 'half a pair: \uD83D!', 'wamid.surrogate')),
    ]);
    expect(outcomes).toEqual(['stored', 'stored']);
    const rows = await database.db
      .selectFrom('inbox')
      .select(['dedupe_key', 'message'])
      .orderBy('id')
      .execute();
    expect(rows.map((row) => row.dedupe_key)).toEqual(['wamid.nulid', 'wamid.surrogate']);
    expect(rows.map((row) => (row.message?.content as { text: string }).text)).toEqual([
      'ab',
      'half a pair: \uFFFD!',
    ]);
  });

  it('fails only the item the database refuses, not the others committed in the same batch', async () => {
    // A participant is a pseudonym and never holds a NUL; forcing one makes the insert fail.
    const batch = [
      item('p-2', 'one', 'ok-1'),
      item('bad\u0000', 'two', 'bad-1'),
      item('p-3', 'three', 'ok-2'),
    ];
    const outcomes = await Promise.allSettled(batch.map((one) => inbox.acceptOne(one)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await database.db
      .selectFrom('inbox')
      .select('dedupe_key')
      .where('dedupe_key', 'in', ['ok-1', 'bad-1', 'ok-2'])
      .execute();
    expect(stored.map((row) => row.dedupe_key).sort()).toEqual(['ok-1', 'ok-2']);
  });
});
