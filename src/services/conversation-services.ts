import { WebchatMediaFetcher } from '../channels/webchat/webchat-media.fetcher';
import { WebchatSender } from '../channels/webchat/webchat.sender';
import type { Config } from '../config';
import { translateAll } from '../i18n/index';
import type { DatabaseHandle } from '../store/database';
import { ActiveElectionService } from './active-election.service';
import { BallotReportService } from './ballot-report.service';
import { ballotPhotoInspector } from './spam/ballot-photo-inspector';
import { SpamScoringService } from './spam/spam-scoring.service';
import type { MessagingServices } from './messaging-services';
import { VoterTallyService } from './voter-tally.service';
import { ImpostorReportService } from './impostor-report.service';
import { WebchatService } from './webchat.service';

/** The voter bot's services in the composition root (`App` extends this); the bot itself is in `src/bots/voter/`. */
export interface ConversationServices {
  ballots: BallotReportService;
  voterTallies: VoterTallyService;
  activeElections: ActiveElectionService;
  webchat: WebchatService;
  impostors: ImpostorReportService;
}

/**
 * Wires the voter bot's services: the one active election, ballot reports
 * with their tally and spam score, the ballot reader and the 'ballot' photo listener that
 * scores and confirms votes, and the web chat channel
 * (its sender and media fetcher join the pipeline's registry).
 *
 * @example
 * const conversation = createConversationServices(database, config, secret, messaging);
 */
export function createConversationServices(
  database: DatabaseHandle,
  config: Config,
  secret: string,
  messaging: MessagingServices,
): ConversationServices {
  const activeElections = new ActiveElectionService();
  const ballots = new BallotReportService(
    secret,
    messaging.media,
    new SpamScoringService(),
    config.SPAM_ACTION,
  );
  messaging.media.inspect('ballot', ballotPhotoInspector(database.db));
  messaging.media.onProcessed('ballot', (tx, item) => ballots.onPhotoProcessed(tx, item));
  const webchat = new WebchatService(database.db, secret, activeElections);
  messaging.channels
    .addSender(new WebchatSender(webchat, translateAll))
    .addFetcher(new WebchatMediaFetcher(webchat));
  return {
    ballots,
    voterTallies: new VoterTallyService(database.db),
    activeElections,
    webchat,
    impostors: new ImpostorReportService(database.db, secret),
  };
}
