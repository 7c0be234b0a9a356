/**
 * The floor for bench/ingest: a bare Fastify route doing one plain INSERT per request into the
 * same kind of database (PGlite on disk at FLOOR_PGLITE_DIR, or PostgreSQL at DATABASE_URL),
 * through the same `openDatabase` (Kysely over pg). No validation, no encryption, no batching:
 * what the hardware gives for "HTTP request → committed row". Prints `floor listening on <url>`.
 * Also `POST /bare` (the same Fastify, answering 200 with no database: the HTTP floor) and a raw
 * TCP server answering every request with a fixed 200 (`raw listening on <url>`): the load
 * client's own ceiling, since no server can answer cheaper (bench/election-night).
 */
import net from 'node:net';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { openDatabase } from '../src/store/database';

const database = await openDatabase(
  process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL }
    : { pgliteDir: process.env.FLOOR_PGLITE_DIR ?? 'memory://' },
);
await sql`create table if not exists floor_updates (id bigserial primary key, body jsonb not null)`.execute(
  database.db,
);
const server = Fastify({ bodyLimit: 1024 * 1024 });
server.post('/floor', async (request, reply) => {
  await sql`insert into floor_updates (body) values (${JSON.stringify(request.body)}::jsonb)`.execute(
    database.db,
  );
  return reply.status(200).send();
});
server.post('/bare', async (_request, reply) => reply.status(200).send());
const address = await server.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`floor listening on ${address}\n`);

const OK = 'HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n';
/** Counts whole requests (head + `content-length` bytes) in the stream and answers each at once. */
const raw = net.createServer((socket) => {
  let buffered: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    let answers = 0;
    for (;;) {
      const headEnd = buffered.indexOf('\r\n\r\n');
      if (headEnd < 0) break;
      const length = /content-length: *(\d+)/i.exec(buffered.toString('latin1', 0, headEnd));
      const end = headEnd + 4 + Number(length?.[1] ?? 0);
      if (buffered.length < end) break;
      buffered = buffered.subarray(end);
      answers += 1;
    }
    if (answers > 0) socket.write(OK.repeat(answers));
  });
  socket.on('error', () => socket.destroy());
});
await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
process.stdout.write(`raw listening on http://127.0.0.1:${(raw.address() as net.AddressInfo).port}\n`);
process.once('SIGTERM', () => {
  raw.close();
  void server.close().then(() => database.close());
});
