import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { resolveSecret } from './secret';
import { snapshotSigningKey } from './security/snapshot-signing';
import {
  migrateToLatest,
  openDatabase,
  type DatabaseHandle,
  type OpenDatabaseOptions,
} from './store/database';
import { ElectionAnalysisService } from './services/election-analysis.service';
import { ElectionService } from './services/election.service';
import { ExportService } from './services/export.service';
import { GeographyImportService } from './services/geography-import.service';
import { OfficialImportService } from './services/official-import.service';
import { PublicReadsService } from './services/public-reads.service';
import { PurgeService } from './services/purge.service';
import { QueueStatesService } from './services/queue-states.service';
import { StationImportService } from './services/station-import.service';
import { SummaryService } from './services/summary.service';
import { TransparencyService } from './services/transparency.service';
import { createMessagingServices, type MessagingServices } from './services/messaging-services';
import { createConversationServices, type ConversationServices } from './services/conversation-services';
import { createConsoleServices, type ConsoleServices } from './services/console-services';
import { createObserverServices, type ObserverServices } from './services/observer-services';
import { createModerationServices, type ModerationServices } from './services/moderation-services';
import type { ConversationRunner } from './bots/conversation-runner';
import { createConversationRunner } from './bots/registered-bots';

/**
 * The composition root: one database, one logger, one metrics registry and every service,
 * wired once per process. HTTP routes, jobs and CLI commands receive this and nothing global.
 */
export interface App
  extends MessagingServices, ConversationServices, ConsoleServices, ObserverServices, ModerationServices {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  metrics: Metrics;
  secret: string;
  elections: ElectionService;
  geographyImport: GeographyImportService;
  officialImport: OfficialImportService;
  stationImport: StationImportService;
  summaries: SummaryService;
  analyses: ElectionAnalysisService;
  transparency: TransparencyService;
  exports: ExportService;
  /** The public API's plain reads, so no route holds a database handle. */
  publicReads: PublicReadsService;
  /** `dauys purge`: privacy retention after an election. */
  purge: PurgeService;
  /** Each work queue's depth and oldest item, for /metrics. */
  queues: QueueStatesService;
  /** Every bot's conversations, run a batch at a time by the inbox worker (`src/bots/`). */
  conversations: ConversationRunner;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  logger?: Logger;
  /** Skip migrations (a worker that starts after the API already migrated may still run them safely). */
  migrate?: boolean;
  /**
   * How to take an embedded data dir that another live process owns: a server refuses (one
   * owner per dir), a CLI command connects through the owner's socket (the default).
   */
  database?: Pick<OpenDatabaseOptions, 'whenHeld' | 'purpose'>;
}

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: `${config.dataDir}/pglite`,
    ...options.database,
  });
  if (options.migrate !== false) await migrateToLatest(database.db);
  const secret = await resolveSecret(config.DAUYS_SECRET, config.dataDir);
  // First: every service that changes data writes its audit entry through it.
  const consoleServices = createConsoleServices(database.db, secret);
  const { audit } = consoleServices;
  const elections = new ElectionService(database.db, audit);
  const messaging = createMessagingServices(database, config, secret, logger);
  const conversation = createConversationServices(database, config, secret, messaging);
  const observers = createObserverServices({
    database,
    config,
    secret,
    logger,
    elections,
    audit,
    outbox: messaging.outbox,
  });
  // The bots are registered in one place (src/bots/registered-bots.ts), not by these factories.
  const conversations = createConversationRunner(config, {
    ...conversation,
    ...observers,
    media: messaging.media,
  });
  const moderation = createModerationServices({
    db: database.db,
    audit,
    ballots: conversation.ballots,
    violations: observers.violations,
    sos: observers.sos,
    dataDir: config.dataDir,
  });
  return {
    config,
    database,
    logger,
    metrics: createMetrics(),
    secret,
    elections,
    geographyImport: new GeographyImportService(database.db, elections, audit),
    officialImport: new OfficialImportService(database.db, elections, audit),
    stationImport: new StationImportService(database.db, audit),
    summaries: new SummaryService(database.db, elections),
    analyses: new ElectionAnalysisService(database.db, elections),
    transparency: new TransparencyService(database.db, elections, snapshotSigningKey(secret).publicKey),
    ...messaging,
    ...conversation,
    ...observers,
    conversations,
    exports: new ExportService(database.db, elections),
    publicReads: new PublicReadsService(database),
    queues: new QueueStatesService(database.db),
    purge: new PurgeService(database.db, elections, audit),
    ...consoleServices,
    // The console's work queues (issue 5, second half).
    ...moderation,
    close: async () => {
      await moderation.ocr.close();
      await database.close();
    },
  };
}
