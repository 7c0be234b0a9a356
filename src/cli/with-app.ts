import type { App } from '../app';

/**
 * Runs a CLI action with the services it names (database migrated), closing the app afterwards.
 * A command lists what it uses, as route plugins do (`Pick<App, …>`): its action receives only
 * those, so it cannot reach the database handle or a service it did not name.
 *
 * @example
 * await withApp(['invites'], async ({ invites }) => invites.list(election));
 */
export async function withApp<Uses extends keyof App, T>(
  uses: readonly Uses[],
  action: (services: Pick<App, Uses>) => Promise<T>,
): Promise<T> {
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
    const services = Object.fromEntries(uses.map((name) => [name, app[name]])) as Pick<App, Uses>;
    return await action(services);
  } finally {
    await app.close();
  }
}
