/**
 * The floor for bench/ingest: a bare Fastify route doing one plain INSERT per request into the
 * same kind of database (PGlite on disk at FLOOR_PGLITE_DIR, or PostgreSQL at DATABASE_URL),
 * through the same `openDatabase` (Kysely over pg). No validation, no encryption, no batching:
 * what the hardware gives for "HTTP request → committed row". Prints `floor listening on <url>`.
 */
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
const address = await server.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`floor listening on ${address}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => database.close());
});
