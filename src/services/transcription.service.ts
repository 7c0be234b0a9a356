import type { Kysely, Transaction } from 'kysely';
import {
  acceptSubmission,
  compareWithObserver,
  nextTask,
  transcriptionState,
  type FigureDifference,
  type TranscriptionEntry,
  type TranscriptionStage,
  type TranscriptionTask,
} from '../domain/transcription';
import { DauysError, notFound } from '../errors';
import { figureSlots } from '../flows/observer/protocol-figures';
import type { Database } from '../store/database-schema';
import { MediaRepository } from '../store/repositories/media.repository';
import { TranscriptionsRepository } from '../store/repositories/transcriptions.repository';
import type { AuditActor, AuditService } from './audit.service';
import type { Election } from './election.service';

/** One figure to type: its key, the line's number and label, and the choice for per-choice lines. */
export interface TranscriptionSlot {
  key: string;
  line: number;
  labels: { kk: string; ru: string; en: string };
  choice: string | null;
}

export interface TranscriptionQueueItem {
  protocolId: number;
  precinctCode: string;
  pages: number;
  stage: TranscriptionStage;
  /** What the asking moderator may do with it. */
  task: TranscriptionTask;
}

/**
 * What a moderator sees to transcribe: the pages and the form — never the observer's figures,
 * and never another moderator's, except for the resolver, who sees the two disputed values.
 */
export interface TranscriptionSheet {
  protocolId: number;
  precinctCode: string;
  pages: number;
  slots: TranscriptionSlot[];
  task: TranscriptionTask;
  candidates: Record<string, Array<number | null>> | null;
}

/** The outcome once final: the figures and where the observer typed something else. */
export interface TranscriptionOutcome {
  protocolId: number;
  stage: TranscriptionStage;
  final: Record<string, number> | null;
  differences: FigureDifference[] | null;
}

/**
 * Double-blind transcription of observers' protocol photos (the rules live in
 * `domain/transcription.ts`). Submissions for one protocol are serialized by locking its row,
 * so two moderators racing for the second slot cannot both take it.
 *
 * @example
 * await transcriptions.submit(actor, 7, election, protocolId, { '1': 1000, '2': 950 });
 */
export class TranscriptionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditService,
  ) {}

  /** Current protocols of the election with their stage and the moderator's task, open ones first. */
  async queue(
    election: Election,
    userId: number,
    filter: { area?: string } = {},
  ): Promise<TranscriptionQueueItem[]> {
    const protocols = await new TranscriptionsRepository(this.db).currentProtocols(election.id, filter.area);
    const entries = await this.entriesOf(
      this.db,
      protocols.map((p) => p.id),
    );
    const items = protocols.map((protocol) => {
      const state = transcriptionState(entries.get(protocol.id) ?? []);
      return {
        protocolId: protocol.id,
        precinctCode: protocol.precinct_code,
        pages: protocol.page_media_ids.length,
        stage: state.stage,
        task: nextTask(state, userId),
      };
    });
    const open = (item: TranscriptionQueueItem) => (item.task.kind === 'none' ? 1 : 0);
    return items.sort((a, b) => open(a) - open(b) || a.protocolId - b.protocolId);
  }

  async sheet(election: Election, userId: number, protocolId: number): Promise<TranscriptionSheet> {
    const protocol = await this.protocol(this.db, election, protocolId);
    const entries = (await this.entriesOf(this.db, [protocolId])).get(protocolId) ?? [];
    const state = transcriptionState(entries);
    const task = nextTask(state, userId);
    const blind = entries.filter((entry) => entry.role === 'blind');
    return {
      protocolId,
      precinctCode: protocol.precinct_code,
      pages: protocol.page_media_ids.length,
      slots: slotsOf(election),
      task,
      candidates:
        task.kind === 'resolve'
          ? Object.fromEntries(
              task.disputedKeys.map((key) => [key, blind.map((entry) => entry.figures[key] ?? null)]),
            )
          : null,
    };
  }

  /** Saves the moderator's transcription if the rules allow it; the audit entry names no figures. */
  async submit(
    actor: AuditActor,
    userId: number,
    election: Election,
    protocolId: number,
    figures: Record<string, unknown>,
  ): Promise<TranscriptionOutcome> {
    return this.db.transaction().execute(async (tx) => {
      await this.protocol(tx, election, protocolId, { lock: true });
      const entries = (await this.entriesOf(tx, [protocolId])).get(protocolId) ?? [];
      const keys = slotsOf(election).map((slot) => slot.key);
      const entry = acceptSubmission(transcriptionState(entries), userId, figures, keys);
      await new TranscriptionsRepository(tx).insert({
        electionId: election.id,
        protocolId,
        userId,
        role: entry.role,
        figures: entry.figures,
      });
      const state = transcriptionState([...entries, entry]);
      await this.audit.record(tx, {
        actor,
        action: `protocol.transcribe.${entry.role}`,
        target: `protocol:${protocolId}`,
        before: { stage: transcriptionState(entries).stage },
        after: { stage: state.stage, lines: Object.keys(entry.figures).length },
      });
      return this.outcomeOf(tx, protocolId, state.stage, state.final);
    });
  }

  /** The final figures and the comparison with the observer's, once final (null before). */
  async outcome(election: Election, protocolId: number): Promise<TranscriptionOutcome> {
    await this.protocol(this.db, election, protocolId);
    const state = transcriptionState((await this.entriesOf(this.db, [protocolId])).get(protocolId) ?? []);
    return this.outcomeOf(this.db, protocolId, state.stage, state.final);
  }

  /** The stored page photos of a protocol (paths relative to MEDIA_DIR), by page index. */
  async page(election: Election, protocolId: number, index: number) {
    const protocol = await this.protocol(this.db, election, protocolId);
    const mediaId = protocol.page_media_ids[index];
    if (mediaId === undefined) throw notFound(`protocol ${protocolId} has no page ${index + 1}`);
    return new MediaRepository(this.db).storedFiles(mediaId);
  }

  private async outcomeOf(
    db: Kysely<Database> | Transaction<Database>,
    protocolId: number,
    stage: TranscriptionStage,
    final: Record<string, number> | null,
  ): Promise<TranscriptionOutcome> {
    if (!final) return { protocolId, stage, final: null, differences: null };
    const figures = await new TranscriptionsRepository(db).observerFigures(protocolId);
    return { protocolId, stage, final, differences: compareWithObserver(final, figures) };
  }

  private async protocol(
    db: Kysely<Database> | Transaction<Database>,
    election: Election,
    protocolId: number,
    options: { lock?: boolean } = {},
  ) {
    const protocol = await new TranscriptionsRepository(db).protocol(election.id, protocolId, options);
    if (!protocol) throw notFound(`no protocol ${protocolId} in election "${election.slug}"`);
    if (!protocol.current && options.lock) {
      throw new DauysError(
        'DAUYS_ERR_CONFLICT',
        `protocol ${protocolId} was superseded by a newer submission`,
      );
    }
    return protocol;
  }

  private async entriesOf(
    db: Kysely<Database> | Transaction<Database>,
    protocolIds: number[],
  ): Promise<Map<number, TranscriptionEntry[]>> {
    const byProtocol = new Map<number, TranscriptionEntry[]>();
    const rows = await new TranscriptionsRepository(db).entriesOf(protocolIds);
    for (const row of rows) {
      const list = byProtocol.get(row.protocol_id) ?? [];
      list.push({ userId: row.user_id, role: row.role, figures: row.figures });
      byProtocol.set(row.protocol_id, list);
    }
    return byProtocol;
  }
}

/** The form's figures in print order, with the labels a moderator reads on the photo. */
export function slotsOf(election: Election): TranscriptionSlot[] {
  const choiceNames = new Map(election.definition.choices.map((choice) => [choice.id, choice.names.en]));
  return figureSlots(election.definition).map((slot) => ({
    key: slot.key,
    line: slot.line.number,
    labels: slot.line.labels,
    choice: slot.choiceId ? (choiceNames.get(slot.choiceId) ?? slot.choiceId) : null,
  }));
}
