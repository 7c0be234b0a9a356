import { createApp, type App } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../logger';

/** Runs a CLI action with a fully wired app (database migrated), closing it afterwards. */
export async function withApp<T>(action: (app: App) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // CLI commands print their own results; only warnings and worse go to the log (stderr).
  const app = await createApp(config, { logger: createLogger('warn', process.stderr) });
  try {
    return await action(app);
  } finally {
    await app.close();
  }
}
