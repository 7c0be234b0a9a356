import { snapshotTakenAt } from './snapshot';

/**
 * Runs `task` now and then every `intervalMs` while the tab is visible: a hidden tab costs the
 * server nothing, and coming back refreshes at once. Returns a function that stops it. A
 * snapshot's page (web/shared/snapshot.ts) runs it once: its files never change.
 */
export function pollWhileVisible(task: () => Promise<void> | void, intervalMs: number): () => void {
  if (snapshotTakenAt) {
    void Promise.resolve()
      .then(task)
      .catch(() => {
        // The task reports its own failure.
      });
    return () => {};
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = async () => {
    clearTimeout(timer);
    if (stopped) return;
    if (!document.hidden) {
      try {
        await task();
      } catch {
        // The task reports its own failure; polling goes on.
      }
    }
    if (!stopped) timer = setTimeout(run, intervalMs);
  };
  const onVisibility = () => {
    if (!document.hidden) void run();
  };
  document.addEventListener('visibilitychange', onVisibility);
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
