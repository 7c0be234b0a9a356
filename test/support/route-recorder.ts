import type * as FastifyModule from 'fastify';
import type { RouteOptions } from 'fastify';

/**
 * Fastify with every route it registers also pushed to `sink`, seen from the ROOT instance, so
 * a route mounted anywhere (inside a plugin or beside it) is listed. For a test's
 * `vi.mock('fastify', …)`; the sink must come from `vi.hoisted` because the mock runs before
 * the test file's imports.
 *
 * @example
 * const routes = vi.hoisted(() => [] as RouteOptions[]);
 * vi.mock('fastify', async (original) =>
 *   (await import('../support/route-recorder')).recordingFastify(await original(), routes));
 */
export function recordingFastify(actual: typeof FastifyModule, sink: RouteOptions[]): typeof FastifyModule {
  const create = ((options: Parameters<typeof actual.default>[0]) => {
    const instance = actual.default(options);
    instance.addHook('onRoute', (route) => {
      sink.push(route as unknown as RouteOptions);
    });
    return instance;
  }) as typeof actual.default;
  return { ...actual, default: create };
}

/** Each registered method + URL once, as `POST /console/api/users`, sorted. */
export function routeKeys(routes: readonly RouteOptions[]): string[] {
  const keys = new Set<string>();
  for (const route of routes) for (const method of [route.method].flat()) keys.add(`${method} ${route.url}`);
  return [...keys].sort();
}
