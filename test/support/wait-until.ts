/**
 * Polls `check` until it returns something truthy, then returns it; fails after `timeoutMs`
 * naming `what` (tests wait for effects this way, never for fixed durations).
 *
 * @example
 * await waitUntil(async () => (await countOutbox()) === 3, { what: 'three replies queued' });
 */
export async function waitUntil<T>(
  check: () => Promise<T> | T,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${options.what ?? 'condition'} (last value: ${JSON.stringify(last)})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20));
  }
}
