/**
 * A simulated election day, as a JSON file (`examples/scenarios/*.json`, docs/simulation.md):
 * genuine voters with a known true distribution, and attacks that can be switched on and scaled.
 * Every count is bounded so a scenario cannot run away.
 */
import { z } from 'zod';
import { invalidInput, zodIssuesToInputIssues } from '../errors';

const count = (max: number) => z.number().int().min(0).max(max);
const share = z.number().min(0).max(1);

export const scenarioSchema = z.strictObject({
  /** The election definition, relative to the scenario file (default: the Kazakhstan 2021 demo). */
  election: z.string().min(1).optional(),
  seed: z.number().int().default(1),
  voters: z.strictObject({
    count: count(200_000),
    /** How many precincts the voters are spread over (the first N of the geography's precincts, shuffled). */
    precincts: z.number().int().min(1).max(20_000).default(20),
    /** True share of each choice among genuine voters (normalised; choices left out get none). */
    shares: z.record(z.string().min(1), z.number().min(0)),
    /** Share of genuine voters who send a photo of their ballot (the rest press "no photo"). */
    photoShare: share.default(0.5),
  }),
  attacks: z
    .strictObject({
      /** (a) fresh scripted accounts, one a second, each voting once with an unrelated picture. */
      flood: z.strictObject({ accounts: count(100_000), choice: z.string().min(1) }).optional(),
      /** (b) one ballot photo sent by many accounts. */
      duplicateImage: z.strictObject({ accounts: count(100_000), choice: z.string().min(1) }).optional(),
      /** (c) one account voting over and over (each vote a correction). */
      repeatVoter: z
        .strictObject({ accounts: count(1_000).default(1), votes: count(10_000), choice: z.string().min(1) })
        .optional(),
      /** (d) a crowd at one precinct within minutes, without photos. */
      precinctBurst: z.strictObject({ accounts: count(100_000), choice: z.string().min(1) }).optional(),
      /** (e) accounts typing links and @handles (the fake bot's advertising), then voting. */
      textSpam: z
        .strictObject({
          accounts: count(100_000),
          messagesPerAccount: z.number().int().min(1).max(50).default(3),
          choice: z.string().min(1),
        })
        .optional(),
      /** (f) a share of genuine voters whose messages arrive `delayMinutes` late, with their original dates. */
      blackout: z
        .strictObject({
          share,
          delayMinutes: z
            .number()
            .int()
            .min(1)
            .max(72 * 60),
        })
        .optional(),
      /** (g) impostor traffic: old updates replayed, and posts without the webhook's secret. */
      replay: z.strictObject({ updates: count(100_000), forged: count(100_000).default(0) }).optional(),
    })
    .default({}),
  /**
   * Observers at the first `precincts` of the voters' precincts: each joins the observer bot with
   * an invite and submits the true protocol of its precinct (every page, every figure). Some are
   * typed with a broken control ratio or sent short of pages, as 71 of 162 were in 2021, and the
   * platform must reject exactly those.
   */
  observers: z
    .strictObject({
      precincts: count(20_000),
      /** Share of protocols with one figure mistyped, so a control ratio of the form breaks. */
      brokenShare: share.default(0.1),
      /** Share of protocols sent with one page fewer than the form has. */
      missingPageShare: share.default(0.05),
    })
    .optional(),
  /** Official results made from the truth (demo data): a share of precincts falsified for one choice. */
  official: z
    .strictObject({
      falsifiedShare: share,
      /** The share falsified among precincts with an observer (default `falsifiedShare`); fraud avoids witnesses. */
      observedFalsifiedShare: share.optional(),
      favour: z.string().min(1),
      /** Share of the other choices' votes moved to `favour` at a falsified precinct. */
      shift: share.default(0.3),
      turnout: share.default(0.6),
    })
    .optional(),
  limits: z
    .strictObject({
      /** Accounts talking at once (one account's updates are always in order). */
      concurrency: z.number().int().min(1).max(5000).default(16),
      /** Wall-clock budget for the whole run. */
      deadlineSeconds: z
        .number()
        .int()
        .min(1)
        .max(24 * 3600)
        .default(600),
      /** Spread the voters over this many seconds of wall clock (0: as fast as the server takes them). */
      durationSeconds: z
        .number()
        .int()
        .min(0)
        .max(24 * 3600)
        .default(0),
      /** Longer side of the generated photos (small keeps thousands feasible). */
      photoLongSide: z.number().int().min(300).max(2000).default(850),
      /**
       * With `durationSeconds` 0: each account still waits its planned seconds between taps, and
       * every message is dated when sent (Telegram dates button presses on receipt, so a script
       * tapping without pauses looks like a bot). `false`: no pauses, every update dated where the
       * plan puts it in a day in the past; a server that keeps the simulated day's clock
       * (bench/attack, simulated-arrival.ts) dates button presses so too, any other dates them on
       * receipt (raw throughput only: every account then has a bot's timing).
       */
      humanPace: z.boolean().default(true),
    })
    .default({
      concurrency: 16,
      deadlineSeconds: 600,
      durationSeconds: 0,
      photoLongSide: 850,
      humanPace: true,
    }),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type AttackKind = keyof Scenario['attacks'];

/** The attack kinds in the order the brief names them (a)–(g). */
export const ATTACK_KINDS = [
  'flood',
  'duplicateImage',
  'repeatVoter',
  'precinctBurst',
  'textSpam',
  'blackout',
  'replay',
] as const satisfies readonly AttackKind[];

/**
 * Validates a parsed scenario file; a clear error names every bad field.
 *
 * @example
 * const scenario = parseScenario(JSON.parse(text), 'examples/scenarios/small.json');
 */
export function parseScenario(json: unknown, source: string): Scenario {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    throw invalidInput(
      `${source}: invalid scenario`,
      zodIssuesToInputIssues(parsed.error.issues).map((issue) => ({
        ...issue,
        where: `${source}:${issue.where}`,
      })),
    );
  }
  return parsed.data;
}
