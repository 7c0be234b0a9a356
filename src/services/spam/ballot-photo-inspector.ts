import type { Kysely } from 'kysely';
import type { ElectionDefinition } from '../../domain/election/election-definition';
import { checkBallotPhoto } from '../../media/ballot-check';
import type { Database } from '../../store/database-schema';
import type { MediaInspector } from '../media.service';

/**
 * The media pipeline's inspector for ballot photos: reads the photo against the ballot of the
 * election its report belongs to (is it this ballot, which box is marked). Runs outside any
 * transaction; its result is stored with the media item and fed to the spam score.
 *
 * @example
 * app.media.inspect('ballot', ballotPhotoInspector(db));
 */
export function ballotPhotoInspector(db: Kysely<Database>): MediaInspector {
  return async (item, image) => {
    const row = await db
      .selectFrom('ballot_reports as b')
      .innerJoin('elections as e', 'e.id', 'b.election_id')
      .select('e.definition')
      .where('b.media_id', '=', item.id)
      .executeTakeFirst();
    if (!row) return undefined;
    const definition = row.definition as unknown as Pick<ElectionDefinition, 'choices'>;
    return { ...(await checkBallotPhoto(image, definition)) };
  };
}
