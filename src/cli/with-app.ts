import type { App } from '../app';

/** Runs a CLI action with a fully wired app (database migrated), closing it afterwards. */
export async function withApp<T>(action: (app: App) => Promise<T>): Promise<T> {
  // Loaded on use, so `dauys --help` does not pay for the database and server modules.
  const [{ createApp }, { loadConfig }, { createLogger }] = await Promise.all([
    import('../app'),
    import('../config'),
    import('../logger'),
  ]);
  const config = loadConfig();
  // CLI commands print their own results; only warnings and worse go to the log (stderr).
  // On an embedded data dir that a running server owns, the command goes through the server's
  // socket (createApp's default): one engine, so the server sees the change at once.
  const app = await createApp(config, {
    logger: createLogger('warn', process.stderr),
    database: { purpose: `dauys ${process.argv.slice(2, 4).join(' ')}`.trim() },
  });
  try {
    return await action(app);
  } finally {
    await app.close();
  }
}
