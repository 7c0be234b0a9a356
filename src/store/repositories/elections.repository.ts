import type { Kysely } from 'kysely';
import type { Database } from '../database-schema';

export interface StoredElection {
  id: number;
  slug: string;
  definition: Record<string, unknown>;
  demo: boolean;
}

/** All I/O for elections. */
export class ElectionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findBySlug(slug: string): Promise<StoredElection | undefined> {
    return this.db
      .selectFrom('elections')
      .select(['id', 'slug', 'definition', 'demo'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async sourceHash(slug: string): Promise<string | null | undefined> {
    const row = await this.db
      .selectFrom('elections')
      .select('source_hash')
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row?.source_hash;
  }

  /** The stored definition of the election with this id (it exists: callers hold its id). */
  async definitionOf(id: number): Promise<Record<string, unknown>> {
    const row = await this.db
      .selectFrom('elections')
      .select('definition')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.definition;
  }

  /**
   * Changes whenever an election is added, replaced or removed: count, newest id, newest update
   * — one cheap statement to tell whether a cached list is still good.
   */
  async changeStamp(): Promise<string> {
    const stamp = await this.db
      .selectFrom('elections')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.max('id').as('id'),
        eb.fn.max('updated_at').as('at'),
      ])
      .executeTakeFirst();
    return `${stamp?.n}/${stamp?.id}/${stamp?.at ? new Date(stamp.at).getTime() : 0}`;
  }

  /** Every election, newest first. */
  async listNewestFirst(): Promise<StoredElection[]> {
    return this.db
      .selectFrom('elections')
      .select(['id', 'slug', 'definition', 'demo'])
      .orderBy('id', 'desc')
      .execute();
  }

  async list(): Promise<StoredElection[]> {
    return this.db
      .selectFrom('elections')
      .select(['id', 'slug', 'definition', 'demo'])
      .orderBy('id')
      .execute();
  }

  /** Inserts or replaces the definition of the election with this slug; returns its id. */
  async upsert(
    slug: string,
    definition: Record<string, unknown>,
    demo: boolean,
    sourceHash: string,
  ): Promise<number> {
    const values = { definition: JSON.stringify(definition), demo, source_hash: sourceHash };
    const row = await this.db
      .insertInto('elections')
      .values({ slug, ...values })
      .onConflict((oc) => oc.column('slug').doUpdateSet({ ...values, updated_at: new Date() }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
}
