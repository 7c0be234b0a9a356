import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { resolveSecret } from './secret';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './store/database';
import { ElectionService } from './services/election.service';
import { GeographyImportService } from './services/geography-import.service';
import { OfficialImportService } from './services/official-import.service';
import { SummaryService } from './services/summary.service';

/**
 * The composition root: one database, one logger, one metrics registry and every service,
 * wired once per process. HTTP routes, jobs and CLI commands receive this and nothing global.
 */
export interface App {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  metrics: Metrics;
  secret: string;
  elections: ElectionService;
  geographyImport: GeographyImportService;
  officialImport: OfficialImportService;
  summaries: SummaryService;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  logger?: Logger;
  /** Skip migrations (a worker that starts after the API already migrated may still run them safely). */
  migrate?: boolean;
}

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: `${config.dataDir}/pglite`,
  });
  if (options.migrate !== false) await migrateToLatest(database.db);
  const secret = await resolveSecret(config.DAUYS_SECRET, config.dataDir);
  const elections = new ElectionService(database.db);
  return {
    config,
    database,
    logger,
    metrics: createMetrics(),
    secret,
    elections,
    geographyImport: new GeographyImportService(database.db, elections),
    officialImport: new OfficialImportService(database.db, elections),
    summaries: new SummaryService(database.db, elections),
    close: () => database.close(),
  };
}
