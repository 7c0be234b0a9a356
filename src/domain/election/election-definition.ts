/**
 * The election definition: everything that differs between elections — names, dates, choices,
 * geography levels, the results protocol form and its rules — as data validated by one zod
 * schema, so another country's election is a new JSON file, not new code.
 * The format is documented field by field in docs/election-format.md.
 */
import { z } from 'zod';
import { invalidInput, zodIssuesToInputIssues } from '../../errors';
import { LOCALES } from '../locale';
import { localizedTextSchema } from '../locale-schema';
import { DEFAULT_VIOLATION_CATEGORIES } from './default-violation-categories';
import { crossFieldIssues } from './election-definition-consistency';

export type { LocalizedText, Locale } from '../locale';

/** Ids referenced from other data (choices, rules, categories): stable, lowercase, ASCII. */
const idSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/,
    'must be lowercase ASCII letters, digits, "-" or "_", e.g. "ak-zhol"',
  );

const slugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be lowercase ASCII letters, digits and "-", e.g. "kz-2021-mazhilis"',
  );

/** Area codes are what the geography CSV and the API use: globally unique, stable, ASCII. */
export const areaCodeSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/,
    'must be ASCII letters and digits joined by "-", "_" or "."',
  );

const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like "2021-01-10"')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, 'is not a calendar date');

const wallClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like "07:00"');

/** Time zones are checked against the runtime's tz database in the consistency pass. */
const timeZoneSchema = z.string().min(1, 'must be an IANA time zone such as "Asia/Almaty"');

const lineNumberSchema = z.number().int('must be a whole number').min(1, 'must be 1 or more');

export const choiceSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(['party', 'candidate']),
  names: localizedTextSchema,
  shortNames: localizedTextSchema.optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1f77b4"')
    .optional(),
});

/** A choice voters may report that is not on the ballot (e.g. "against all"). */
export const voterOnlyChoiceSchema = z.strictObject({
  id: idSchema,
  names: localizedTextSchema,
  color: choiceSchema.shape.color,
});

const geographyLevelSchema = z.strictObject({ id: idSchema, names: localizedTextSchema });

const topLevelAreaSchema = z.strictObject({
  code: areaCodeSchema,
  kind: idSchema.optional(),
  names: localizedTextSchema,
});

export const geographySchema = z.strictObject({
  /** Outermost first; the last level is where protocols are counted (the precinct). */
  levels: z.array(geographyLevelSchema).min(1, 'must list at least one level'),
  /** The geography CSV, relative to the election file. */
  file: z.string().min(1).optional(),
  /** The areas of the first level, so the definition alone can show them; the CSV must agree. */
  topLevelAreas: z.array(topLevelAreaSchema).optional(),
});

export const protocolLineSchema = z.strictObject({
  number: lineNumberSchema,
  labels: localizedTextSchema,
  /** One figure per ballot choice (e.g. votes for each party) instead of one figure. */
  perChoice: z.boolean().default(false),
  /** A missing required line is a reason to reject the protocol. */
  required: z.boolean().default(true),
});

export const protocolRuleSchema = z.strictObject({
  id: idSchema,
  /** control_ratio: the form's arithmetic; plausibility: figures that are possible but suspicious. */
  kind: z.enum(['control_ratio', 'plausibility']),
  names: localizedTextSchema,
  /** What a sound protocol satisfies, e.g. "L2 = L3 + L8" or "L4 / L1 <= 0.7". */
  expression: z.string().min(1, 'must not be empty'),
  /** Absolute slack in the protocol's favour (e.g. votes); 0 = exact. */
  tolerance: z.number().min(0, 'must be 0 or more').default(0),
  severity: z.enum(['reject', 'warn']),
  /** Evaluate once per ballot choice; bare per-choice lines then mean "this choice's figure". */
  forEachChoice: z.boolean().default(false),
});

/** Which lines carry the figures generic code needs (turnout, shares, official comparisons). */
export const protocolRolesSchema = z.strictObject({
  registeredVoters: lineNumberSchema,
  /** Voters who took part: the turnout numerator. */
  ballotsCast: lineNumberSchema,
  /** The per-choice line with each choice's votes. */
  choiceVotes: lineNumberSchema,
  invalidBallots: lineNumberSchema.optional(),
  ballotsReceived: lineNumberSchema.optional(),
  ballotsIssued: lineNumberSchema.optional(),
  ballotsCancelled: lineNumberSchema.optional(),
});

export const protocolFormSchema = z.strictObject({
  names: localizedTextSchema.optional(),
  pages: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
  lines: z.array(protocolLineSchema).min(1, 'must list at least one line'),
  rules: z.array(protocolRuleSchema).default([]),
  roles: protocolRolesSchema,
});

const telegramHandleSchema = z
  .string()
  .regex(/^@[A-Za-z][A-Za-z0-9_]{4,31}$/, 'must be a Telegram handle like "@dauys_kz_bot"');

export const botsSchema = z.strictObject({
  voterTelegram: telegramHandleSchema.optional(),
  observerTelegram: telegramHandleSchema.optional(),
  whatsapp: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in international form like "+77001234567"')
    .optional(),
  /** Shown next to the handles: impostor bots copied the 2021 voter bot. */
  impostorWarning: localizedTextSchema.optional(),
});

const positive = z.number().positive('must be more than 0');
const share = z.number().gt(0, 'must be more than 0').max(1, 'must be at most 1');

/** The spam score's rate limits and the hard per-account cap; each falls back to its default (src/domain/spam/spam-thresholds.ts). */
export const spamLimitsSchema = z.strictObject({
  votesPerHour: positive.optional(),
  votesPerHourMany: positive.optional(),
  messagesPerMinute: positive.optional(),
  precinctPerHour: positive.optional(),
  precinctSharePerHour: share.optional(),
  precinctPlausibleMin: positive.optional(),
  precinctPlausibleShare: share.optional(),
  accountMessagesPerHour: positive.optional(),
});

export const electionDefinitionSchema = z.strictObject({
  formatVersion: z.literal(1),
  slug: slugSchema,
  names: localizedTextSchema,
  /** Demo elections carry generated data; the UI and API must say so. */
  demo: z.boolean(),
  /** Shown on the dashboard and in the bots' welcome, e.g. what is demo data. */
  notice: localizedTextSchema.optional(),
  /** The language of the election's own documents; `dauys analyze --report` defaults to it. */
  language: z.enum(LOCALES).optional(),
  date: calendarDateSchema,
  timeZone: timeZoneSchema,
  polls: z.strictObject({
    opens: wallClockTimeSchema,
    closes: wallClockTimeSchema,
    /** Zones where polls open and close at the same local times; the window spans them all. */
    otherTimeZones: z.array(timeZoneSchema).default([]),
  }),
  lateMessages: z.strictObject({
    /** A vote dated before close still counts if it arrives within this many hours after close. */
    gracePeriodHours: z.number().min(0, 'must be 0 or more'),
    /** A message arriving this much later than its own date is marked delayed. */
    delayedAfterMinutes: z.number().min(0, 'must be 0 or more').default(30),
  }),
  /** Ballot choices in ballot order. */
  choices: z.array(choiceSchema).min(1, 'must list at least one choice'),
  voterOnlyChoices: z.array(voterOnlyChoiceSchema).default([]),
  /** Share of the vote a party needs for seats, for the dashboard's threshold line. */
  passingThresholdPercent: z.number().min(0).max(100).optional(),
  geography: geographySchema,
  protocol: protocolFormSchema,
  violationCategories: z
    .array(z.strictObject({ id: idSchema, names: localizedTextSchema }))
    .min(1, 'must list at least one category')
    .default(() => DEFAULT_VIOLATION_CATEGORIES.map((category) => ({ ...category }))),
  bots: botsSchema.optional(),
  spamLimits: spamLimitsSchema.optional(),
});

/** A validated election definition (defaults applied). */
export type ElectionDefinition = z.output<typeof electionDefinitionSchema>;
/** What an election file may contain before defaults are applied. */
export type ElectionDefinitionInput = z.input<typeof electionDefinitionSchema>;
export type Choice = ElectionDefinition['choices'][number];
export type VoterOnlyChoice = ElectionDefinition['voterOnlyChoices'][number];
export type ProtocolForm = ElectionDefinition['protocol'];
export type ProtocolLine = ProtocolForm['lines'][number];
export type ProtocolRule = ProtocolForm['rules'][number];
export type ProtocolRoles = ProtocolForm['roles'];
export type RuleSeverity = ProtocolRule['severity'];

/**
 * Validates an election file's parsed JSON: the schema first, then the cross-field rules
 * (unique ids and line numbers, rule expressions that parse and name existing lines, polls
 * closing after they open, known time zones, roles pointing at suitable lines).
 *
 * @param source where the JSON came from (a file path), for the error message.
 * @throws DauysError `DAUYS_ERR_VALIDATION` (CLI exit code 2) whose issues name each JSON path.
 * @example
 * const election = parseElectionDefinition(JSON.parse(text), 'elections/kz-2021-mazhilis/election.json');
 * election.choices.map((c) => c.id); // ['ak-zhol', 'nur-otan', …]
 */
export function parseElectionDefinition(json: unknown, source?: string): ElectionDefinition {
  const where = source ? ` in ${source}` : '';
  const parsed = electionDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    throw invalidInput(`Invalid election definition${where}`, zodIssuesToInputIssues(parsed.error.issues));
  }
  const issues = crossFieldIssues(parsed.data);
  if (issues.length > 0) throw invalidInput(`Invalid election definition${where}`, issues);
  return parsed.data;
}

/** Every choice a voter may report: the ballot's, then the voter-only ones. */
export function allChoices(election: ElectionDefinition): Array<Choice | VoterOnlyChoice> {
  return [...election.choices, ...election.voterOnlyChoices];
}

/** The protocol line with this number, if the form has one. */
export function findProtocolLine(election: ElectionDefinition, lineNumber: number): ProtocolLine | undefined {
  return election.protocol.lines.find((line) => line.number === lineNumber);
}
