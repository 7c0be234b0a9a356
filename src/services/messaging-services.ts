import { createChannelRegistry } from '../channels/create-channels';
import type { ChannelRegistry } from '../channels/channel-sender';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { DatabaseHandle } from '../store/database';
import { InboxService } from './inbox.service';
import { MediaService } from './media.service';
import { OutboxService } from './outbox.service';

/** The message pipeline's part of the composition root (`App` extends this). */
export interface MessagingServices {
  channels: ChannelRegistry;
  inbox: InboxService;
  outbox: OutboxService;
  media: MediaService;
}

/**
 * @example
 * const messaging = createMessagingServices(database, config, secret, logger);
 * await messaging.inbox.acceptOne(item);
 */
export function createMessagingServices(
  database: DatabaseHandle,
  config: Config,
  secret: string,
  logger: Logger,
): MessagingServices {
  const channels = createChannelRegistry(config);
  return {
    channels,
    // PGlite has a single connection: concurrent inbox batches would only queue behind each other.
    inbox: new InboxService(database.db, secret, {
      maxConcurrentBatches: database.kind === 'postgres' ? 4 : 1,
    }),
    outbox: new OutboxService(database.db, secret, channels, logger),
    media: new MediaService(database.db, channels, logger, { mediaDir: config.mediaDir }),
  };
}
