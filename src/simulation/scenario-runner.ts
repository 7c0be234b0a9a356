/**
 * Plays a scenario plan against a running server through its real Telegram webhook: each
 * account's updates in order (the next one only once the last was acknowledged, re-sent on
 * 5xx or a dropped connection, as Telegram does), many accounts at once. Text, commands and
 * photos carry the plan's dates; button presses have no date on Telegram (the server dates
 * them on receipt), so each update also says when it arrives in the simulated day, for a server
 * that keeps the simulated day's clock (simulated-arrival.ts).
 */
import type { ScenarioPlan, PlannedActor, SenderKind } from './scenario-plan';
import type { Scenario } from './scenario';
import { createRng } from './seeded';
import { photoFileId } from './simulated-photos';
import { telegramUpdates, telegramUser, type TelegramUpdateJson } from './telegram-updates';
import { WebhookPoster } from './webhook-poster';

export interface RunScenarioOptions {
  plan: ScenarioPlan;
  scenario: Scenario;
  /** The server, e.g. `http://127.0.0.1:18600` (loopback only). */
  target: string;
  /** The server's `TELEGRAM_WEBHOOK_SECRET`. */
  secretToken: string | undefined;
  /** Stops posting early (the demo's shutdown). */
  signal?: AbortSignal;
  /** The invite code of each of the plan's observers, in the plan's order. */
  observerInvites?: readonly string[];
}

export interface KindDelivery {
  accounts: number;
  /** Accounts whose every update was acknowledged. */
  completed: number;
  updates: number;
}

export interface DeliveryReport {
  startedAt: string;
  seconds: number;
  acknowledged: number;
  /** Posts that failed (5xx, connection) and were sent again. */
  resent: number;
  /** Updates the server refused with 4xx (an account stops there). */
  refused: number;
  byKind: Partial<Record<SenderKind | 'late' | 'observer', KindDelivery>>;
  replay: { replayed: number; replayAcknowledged: number; forged: number; forgedRejected: number };
  /** Accounts whose conversation did not finish (deadline, abort or refusal). */
  incomplete: number[];
  /** Acknowledged updates per second while accounts were talking. */
  updatesPerSecond: number;
  timedOut: boolean;
  /** Whether the server had processed everything when the run stopped waiting (absent: not waited for). */
  drained?: boolean;
}

/** Retries of one update before the account is given up (Telegram retries for hours; a run has a deadline). */
const MAX_ATTEMPTS = 30;
const FORGED_SECRET = 'not-the-webhook-secret';
/** The longest pause a human-paced account takes between two updates. */
const MAX_PAUSE_SECONDS = 15;

/**
 * @example
 * const delivery = await runScenario({ plan, scenario, target: 'http://127.0.0.1:18600', secretToken });
 * delivery.acknowledged; // every update the webhook answered 2xx
 */
export async function runScenario(options: RunScenarioOptions): Promise<DeliveryReport> {
  const { plan, scenario } = options;
  const observers = observersToPlay(plan, options.observerInvites ?? []);
  const started = Date.now();
  const deadline = started + scenario.limits.deadlineSeconds * 1000;
  const paced = scenario.limits.durationSeconds > 0;
  const humanPace = !paced && scenario.limits.humanPace;
  const startSeconds = Math.floor(started / 1000);
  // Fast runs put the simulated day in the past, so every planned date is before its delivery.
  const dayStart = paced ? startSeconds : startSeconds - plan.daySeconds;
  const updates = telegramUpdates({ firstUpdateId: started * 1000 });
  const poster = new WebhookPoster(options.target, options.secretToken, {
    maxSockets: scenario.limits.concurrency * 2,
  });
  const observerPoster = new WebhookPoster(options.target, options.secretToken, {
    maxSockets: scenario.limits.concurrency,
    bot: 'observer',
  });
  const rng = createRng(scenario.seed + 17);
  const reservoir: string[] = [];
  let reservoirSeen = 0;
  const report: DeliveryReport = {
    startedAt: new Date(started).toISOString(),
    seconds: 0,
    acknowledged: 0,
    resent: 0,
    refused: 0,
    byKind: {},
    replay: { replayed: 0, replayAcknowledged: 0, forged: 0, forgedRejected: 0 },
    incomplete: [],
    updatesPerSecond: 0,
    timedOut: false,
  };
  const stopped = () => options.signal?.aborted === true || Date.now() > deadline;

  const deliver = async (
    update: TelegramUpdateJson,
    to: WebhookPoster,
    arrivalMs: number,
  ): Promise<boolean> => {
    const body = JSON.stringify(update);
    for (let attempt = 0; attempt < MAX_ATTEMPTS && !stopped(); attempt += 1) {
      const status = await to.post(body, { arrivalMs });
      if (status >= 200 && status < 300) {
        report.acknowledged += 1;
        if (to === poster) keepForReplay(body);
        return true;
      }
      if (status >= 400 && status < 500) {
        report.refused += 1;
        return false;
      }
      report.resent += 1;
      await sleep(Math.min(1000, 25 * 2 ** Math.min(attempt, 6)));
    }
    return false;
  };

  const keepForReplay = (body: string) => {
    const size = plan.replay.updates;
    if (size === 0) return;
    reservoirSeen += 1;
    if (reservoir.length < size) reservoir.push(body);
    else {
      const slot = rng.nextInt(reservoirSeen);
      if (slot < size) reservoir[slot] = body;
    }
  };

  /** One account's updates in order, at the plan's pace; an observer's go to the observer bot. */
  const play = async (actor: Talker): Promise<void> => {
    const tally = kindTally(
      report,
      actor.kind === 'observer' ? 'observer' : actor.late ? 'late' : actor.kind,
    );
    tally.accounts += 1;
    const user = telegramUser(actor.userId, { firstName: `Sim ${actor.userId % 10_000}` });
    const lateBy = actor.late ? plan.blackoutDelaySeconds : 0;
    const to = actor.kind === 'observer' ? observerPoster : poster;
    let previousAt: number | undefined;
    for (const step of actor.steps) {
      if (paced && !actor.late) await sleepUntil(started + step.at * 1000, options.signal);
      else if (humanPace && previousAt !== undefined) {
        // Human pace without the day's clock: the account keeps its pauses between taps (long
        // ones, minutes between corrections, are shortened so a bench does not wait for them).
        const pause = Math.min(step.at - previousAt, MAX_PAUSE_SECONDS);
        await sleepUntil(Date.now() + pause * 1000, options.signal);
      }
      previousAt = step.at;
      if (stopped()) break;
      // A late account's step arrives at its place in the plan, dated the blackout's delay earlier.
      const arrivalMs = paced || humanPace ? Date.now() : (dayStart + step.at) * 1000;
      const date = Math.floor(arrivalMs / 1000) - lateBy;
      const update = buildUpdate(updates, user, step.action, date, actor.inviteCode);
      tally.updates += 1;
      if (!(await deliver(update, to, arrivalMs))) {
        report.incomplete.push(actor.userId);
        return;
      }
    }
    if (stopped()) report.incomplete.push(actor.userId);
    else tally.completed += 1;
  };

  try {
    const onTime = plan.actors.filter((actor) => !actor.late);
    const late = plan.actors.filter((actor) => actor.late);
    if (paced) await Promise.all(onTime.map(play));
    else await inPool(onTime, scenario.limits.concurrency, play, stopped);
    // The polls close: observers send the protocols of their precincts.
    if (paced) await Promise.all(observers.map(play));
    else await inPool(observers, scenario.limits.concurrency, play, stopped);
    // The blackout ends: its messages arrive now, after everyone else's, with their own dates.
    await inPool(late, scenario.limits.concurrency, play, stopped);
    const talkingSeconds = (Date.now() - started) / 1000;
    report.updatesPerSecond = talkingSeconds > 0 ? report.acknowledged / talkingSeconds : 0;
    await replay(reservoir, plan.replay.forged, poster, report, stopped, updates);
  } finally {
    poster.close();
    observerPoster.close();
  }
  report.timedOut = Date.now() > deadline;
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** (g) Old updates posted again with the right secret (the inbox must drop them), and forged posts. */
async function replay(
  bodies: string[],
  forged: number,
  poster: WebhookPoster,
  report: DeliveryReport,
  stopped: () => boolean,
  updates: ReturnType<typeof telegramUpdates>,
): Promise<void> {
  for (const body of bodies) {
    if (stopped()) return;
    report.replay.replayed += 1;
    const status = await poster.post(body);
    if (status >= 200 && status < 300) report.replay.replayAcknowledged += 1;
  }
  for (let i = 0; i < forged; i += 1) {
    if (stopped()) return;
    report.replay.forged += 1;
    const update = updates.command(telegramUser(690_000_000 + i), 'start');
    const status = await poster.post(JSON.stringify(update), {
      secretToken: i % 2 === 0 ? FORGED_SECRET : null,
    });
    if (status === 401 || status === 403) report.replay.forgedRejected += 1;
  }
}

/** An account the runner plays: a voter or attacker, or an observer with its invite. */
type Talker = Pick<PlannedActor, 'userId' | 'late' | 'steps'> & {
  kind: SenderKind | 'observer';
  inviteCode?: string;
};

function observersToPlay(plan: ScenarioPlan, invites: readonly string[]): Talker[] {
  if (plan.observers.length > 0 && invites.length < plan.observers.length) {
    throw new Error(
      `runScenario: ${plan.observers.length} observers need as many invites, got ${invites.length}`,
    );
  }
  return plan.observers.map((observer, index) => ({
    userId: observer.userId,
    kind: 'observer',
    late: false,
    steps: observer.steps,
    inviteCode: invites[index]!,
  }));
}

function buildUpdate(
  updates: ReturnType<typeof telegramUpdates>,
  user: ReturnType<typeof telegramUser>,
  action: PlannedActor['steps'][number]['action'],
  date: number,
  inviteCode: string | undefined,
): TelegramUpdateJson {
  switch (action.type) {
    case 'invite':
      return withDate(updates.command(user, 'start', inviteCode ?? ''), date);
    case 'press':
      return updates.callback(user, action.data, { messageId: 1 });
    case 'text':
      return updates.text(user, action.text, { date });
    case 'command':
      return withDate(updates.command(user, action.command), date);
    case 'photo':
      return withDate(
        updates.photo(user, { fileId: photoFileId(action.photo, user.id), width: 638, height: 850 }),
        date,
      );
  }
}

function withDate(update: TelegramUpdateJson, date: number): TelegramUpdateJson {
  (update.message as { date: number }).date = date;
  return update;
}

function kindTally(report: DeliveryReport, kind: SenderKind | 'late' | 'observer'): KindDelivery {
  let tally = report.byKind[kind];
  if (!tally) {
    tally = { accounts: 0, completed: 0, updates: 0 };
    report.byKind[kind] = tally;
  }
  return tally;
}

async function inPool<T>(
  items: T[],
  size: number,
  work: (item: T) => Promise<void>,
  stopped: () => boolean,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length && !stopped()) await work(items[next++]!);
    }),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function sleepUntil(at: number, signal: AbortSignal | undefined): Promise<void> {
  while (Date.now() < at && !signal?.aborted) await sleep(Math.min(1000, at - Date.now()));
}
