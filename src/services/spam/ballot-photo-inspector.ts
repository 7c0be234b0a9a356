import type { Kysely } from 'kysely';
import type { ElectionDefinition } from '../../domain/election/election-definition';
import { checkBallotPhoto } from '../../media/ballot-check';
import type { Database } from '../../store/database-schema';
import { BallotReportsRepository } from '../../store/repositories/ballot-reports.repository';
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
    const stored = await new BallotReportsRepository(db).electionDefinitionOfMedia(item.id);
    if (!stored) return undefined;
    const definition = stored as unknown as Pick<ElectionDefinition, 'choices'>;
    return { ...(await checkBallotPhoto(image, definition)) };
  };
}
