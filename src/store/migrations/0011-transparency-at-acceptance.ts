import { sql, type Kysely } from 'kysely';

/**
 * Feeds the transparency log at acceptance, durably: a trigger on each kind of submission
 * queues its public record in `transparency_pending` in the very transaction that accepts it,
 * whatever code path accepted it (bot, console, import); the `transparency.append` job then
 * appends the queue to the Merkle log in order. A crash between the two loses nothing: the
 * queue is committed with the submission. Records carry no participant id (no voter key, no
 * observer id): the submission's own row id, its precinct and what was accepted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('transparency_pending')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // A voter's report is logged when it is counted, and again whenever what is counted changes
  // (a correction, a moderator's verdict): the last record of a submission is its current state.
  await sql`
    create function transparency_queue_ballot_report() returns trigger language plpgsql as $$
    declare
      counted text[] := array['confirmed', 'no_photo', 'pending_review'];
    begin
      if (new.status = any(counted) or (tg_op = 'UPDATE' and old.status = any(counted)))
         and (tg_op = 'INSERT' or (old.precinct_code, old.choice_id, old.status)
              is distinct from (new.precinct_code, new.choice_id, new.status)) then
        insert into transparency_pending (election_id, kind, record)
        values (new.election_id, 'ballot_report', jsonb_build_object(
          'submission', new.id, 'precinct', new.precinct_code, 'choice', new.choice_id,
          'status', new.status, 'sentAt', to_char(new.sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')));
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger ballot_reports_transparency after insert or update on ballot_reports
    for each row execute function transparency_queue_ballot_report()`.execute(db);

  // An observer's protocol is logged when accepted (and if its accepted figures change).
  await sql`
    create function transparency_queue_protocol() returns trigger language plpgsql as $$
    begin
      if new.status = 'accepted'
         and (tg_op = 'INSERT' or old.status <> 'accepted' or old.figures <> new.figures) then
        insert into transparency_pending (election_id, kind, record)
        values (new.election_id, 'protocol', jsonb_build_object(
          'submission', new.id, 'precinct', new.precinct_code, 'figures', new.figures));
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger observer_protocols_transparency after insert or update on observer_protocols
    for each row execute function transparency_queue_protocol()`.execute(db);

  // A violation report is logged when published; its text only as a digest (the published
  // page shows it; the log commits to it without repeating it).
  await sql`
    create function transparency_queue_violation() returns trigger language plpgsql as $$
    begin
      if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
        insert into transparency_pending (election_id, kind, record)
        values (new.election_id, 'violation', jsonb_build_object(
          'submission', new.id, 'precinct', new.precinct_code, 'category', new.category_id,
          'textSha256', encode(sha256(convert_to(new.text, 'UTF8')), 'hex')));
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger violations_transparency after insert or update on violations
    for each row execute function transparency_queue_violation()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists violations_transparency on violations`.execute(db);
  await sql`drop trigger if exists observer_protocols_transparency on observer_protocols`.execute(db);
  await sql`drop trigger if exists ballot_reports_transparency on ballot_reports`.execute(db);
  await sql`drop function if exists transparency_queue_violation()`.execute(db);
  await sql`drop function if exists transparency_queue_protocol()`.execute(db);
  await sql`drop function if exists transparency_queue_ballot_report()`.execute(db);
  await db.schema.dropTable('transparency_pending').ifExists().execute();
}
