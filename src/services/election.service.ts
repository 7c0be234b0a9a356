import crypto from 'node:crypto';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { notFound } from '../errors';
import { parseElectionDefinition, type ElectionDefinition } from '../domain/election/election-definition';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import { ElectionsRepository } from '../store/repositories/elections.repository';
import { ImportsRepository } from '../store/repositories/imports.repository';
import { rebuildAreaAggregates } from './area-aggregates';
import { AuditService, systemActor, type AuditActor } from './audit.service';
import { parseCsvTable } from './csv-table';
import { geographyRowsFromCsv } from './geography-csv';
import { parseJsonText, readInputFile } from './read-input-file';

export interface Election {
  id: number;
  slug: string;
  definition: ElectionDefinition;
  demo: boolean;
}

export interface LoadedElection {
  election: Election;
  areasImported: number;
}

/** How long a definition read from the database is reused before it is read again (other nodes may reload it). */
const CACHE_MS = 5_000;

/** Use cases around election definitions: load a file (with its geography), look one up, list them. */
export class ElectionService {
  private readonly cache = new Map<string, { election: Election; at: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditService = new AuditService(db),
  ) {}

  /**
   * Loads an election file and, when it names one, its geography CSV — in one transaction with
   * its `election.load` audit entry, so a bad file of either kind changes nothing.
   *
   * With `skipIfUnchanged`, a file identical to the one stored (by sha256) is not reloaded (and
   * nothing is audited: nothing changed).
   *
   * @example
   * await elections.load(commandLineActor(), 'elections/kz-2021-mazhilis/election.json');
   */
  async load(
    actor: AuditActor,
    file: string,
    options: { skipIfUnchanged?: boolean } = {},
  ): Promise<LoadedElection> {
    const text = await readInputFile(file);
    const definition = parseElectionDefinition(parseJsonText(text, file), file);
    const geographyFile = definition.geography.file
      ? path.resolve(path.dirname(file), definition.geography.file)
      : undefined;
    const geographyText = geographyFile ? await readInputFile(geographyFile) : undefined;
    const sourceHash = crypto
      .createHash('sha256')
      .update(text)
      .update('\0')
      .update(geographyText ?? '')
      .digest('hex');
    if (
      options.skipIfUnchanged &&
      (await new ElectionsRepository(this.db).sourceHash(definition.slug)) === sourceHash
    ) {
      return { election: await this.require(definition.slug), areasImported: 0 };
    }
    const loaded = await this.db.transaction().execute(async (tx) => {
      const id = await new ElectionsRepository(tx).upsert(
        definition.slug,
        definition as unknown as Record<string, unknown>,
        definition.demo,
        sourceHash,
      );
      let areasImported = 0;
      if (geographyFile && geographyText !== undefined) {
        const rows = geographyRowsFromCsv(
          parseCsvTable(geographyText, geographyFile),
          definition,
          id,
          new Map(),
        );
        await new AreasRepository(tx).upsertMany(rows);
        await rebuildAreaAggregates(tx, id, definition.geography.levels.at(-1)!.id);
        await new ImportsRepository(tx).record(id, 'geography', path.basename(geographyFile), rows.length);
        areasImported = rows.length;
      }
      await this.audit.record(tx, {
        actor,
        action: 'election.load',
        target: `election:${definition.slug}`,
        after: { source: path.basename(file), sourceHash, areasImported },
      });
      return { election: { id, slug: definition.slug, definition, demo: definition.demo }, areasImported };
    });
    this.cache.delete(definition.slug);
    return loaded;
  }

  /**
   * `load` by the platform itself (`start --demo`, seeding in tests and benches), audited as
   * `system:election-load`. An operator's load goes through `load` with their actor.
   */
  loadFile(file: string, options: { skipIfUnchanged?: boolean } = {}): Promise<LoadedElection> {
    return this.load(systemActor('election-load'), file, options);
  }

  async find(slug: string): Promise<Election | undefined> {
    const cached = this.cache.get(slug);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.election;
    const row = await new ElectionsRepository(this.db).findBySlug(slug);
    if (!row) return undefined;
    // Stored definitions were validated on load; they are trusted as they are.
    const election = { ...row, definition: row.definition as unknown as ElectionDefinition };
    this.cache.set(slug, { election, at: Date.now() });
    return election;
  }

  /** The election with this slug, or a `DAUYS_ERR_NOT_FOUND` naming it. */
  async require(slug: string): Promise<Election> {
    const election = await this.find(slug);
    if (!election) throw notFound(`no election "${slug}"`);
    return election;
  }

  async list(): Promise<Election[]> {
    const rows = await new ElectionsRepository(this.db).list();
    return rows.map((row) => ({ ...row, definition: row.definition as unknown as ElectionDefinition }));
  }
}
