import path from 'node:path';
import { z } from 'zod';
import { LOCALES } from './domain/locale';
import { DauysError, zodIssuesToInputIssues } from './errors';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const configSchema = z.object({
  DATABASE_URL: optionalString.pipe(
    z
      .url({
        protocol: /^postgres(ql)?$/,
        error:
          'expected a PostgreSQL URL, postgres://user:password@host:5432/database (or unset for embedded PGlite)',
      })
      .optional(),
  ),
  DAUYS_DATA_DIR: z.string().default('./data'),
  MEDIA_DIR: optionalString,
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's trustProxy): unset = none, so a client
   * cannot fake its address past per-IP limits; `1` = one hop (a load balancer); or a list of IPs/CIDRs.
   */
  TRUST_PROXY: optionalString,
  /** Public API requests per second per client address (bursts of 5×); 0 turns the limit off. */
  PUBLIC_RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(100),
  /**
   * How long identical summary/results requests share one computed answer (ms). Short: a new
   * vote must show within 5 s; 0 still shares answers between requests that arrive together.
   */
  PUBLIC_FIGURES_CACHE_MS: z.coerce.number().int().min(0).max(2000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DAUYS_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  TELEGRAM_VOTER_TOKEN: optionalString,
  TELEGRAM_OBSERVER_TOKEN: optionalString,
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  TELEGRAM_MAX_SENDS_PER_SECOND: z.coerce.number().positive().default(30),
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_TOKEN: optionalString,
  WHATSAPP_API_ROOT: z.url().default('https://graph.facebook.com/v21.0'),
  // Observer bot (issue 4): the Cloud API phone-number id of each bot, the observer bot's
  // Telegram username for invite links, and the coordinators' chat that SOS alerts go to.
  WHATSAPP_VOTER_PHONE_ID: optionalString,
  WHATSAPP_OBSERVER_PHONE_ID: optionalString,
  WHATSAPP_MAX_SENDS_PER_SECOND: z.coerce.number().positive().default(20),
  // SMS (docs/sms.md): one number per bot, on Twilio or on an Android phone running "SMS Gateway
  // for Android". Outgoing SMS per second per bot, counted in segments (what operators bill and
  // throttle: a Twilio long code sends about one a second).
  SMS_MAX_SENDS_PER_SECOND: z.coerce.number().positive().default(1),
  SMS_TWILIO_ACCOUNT_SID: optionalString,
  SMS_TWILIO_AUTH_TOKEN: optionalString,
  /** Each bot's Twilio number ("+7…") or Messaging Service SID ("MG…"). */
  SMS_TWILIO_VOTER_FROM: optionalString,
  SMS_TWILIO_OBSERVER_FROM: optionalString,
  SMS_TWILIO_API_ROOT: z.url().default('https://api.twilio.com'),
  /** This server's URL as Twilio calls it (the signature covers it); unset: PUBLIC_URL. */
  SMS_TWILIO_WEBHOOK_BASE_URL: optionalString.pipe(z.url().optional()),
  SMS_ANDROID_API_ROOT: z.url().default('https://api.sms-gate.app/3rdparty/v1'),
  /** The app's Settings → Webhooks → Signing Key, the same on each bot's phone. */
  SMS_ANDROID_SIGNING_KEY: optionalString,
  SMS_ANDROID_VOTER_USERNAME: optionalString,
  SMS_ANDROID_VOTER_PASSWORD: optionalString,
  SMS_ANDROID_OBSERVER_USERNAME: optionalString,
  SMS_ANDROID_OBSERVER_PASSWORD: optionalString,
  TELEGRAM_OBSERVER_USERNAME: optionalString,
  COORDINATORS_TELEGRAM_CHAT_ID: optionalString,
  COORDINATORS_LOCALE: z.enum(LOCALES).default('ru'),
  /** What a spam verdict does: quarantine (out of the count until a moderator restores it) or review only. */
  SPAM_ACTION: z.enum(['quarantine', 'review']).default('quarantine'),
  /** `dauys start --demo` plays a small simulated election day in the background unless this is 0/false/off. */
  DAUYS_DEMO_LIVE: z
    .enum(['0', '1', 'false', 'true', 'off', 'on'])
    .default('1')
    .transform((value) => ['1', 'true', 'on'].includes(value)),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  /** Absolute data directory (PGlite files, generated secret). */
  dataDir: string;
  /** Absolute media directory (content-addressed photos). */
  mediaDir: string;
}

/**
 * Reads the environment once, validated. A bad value fails with the variable's name.
 *
 * @example
 * const config = loadConfig({ PORT: '18080' }); // config.PORT === 18080
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new DauysError(
      'DAUYS_ERR_CONFIG',
      'invalid environment',
      zodIssuesToInputIssues(parsed.error.issues, 'env').map((issue) => ({
        ...issue,
        where: issue.where.replace(/^env\./, ''),
      })),
    );
  }
  const dataDir = path.resolve(parsed.data.DAUYS_DATA_DIR);
  return {
    ...parsed.data,
    dataDir,
    mediaDir: path.resolve(parsed.data.MEDIA_DIR ?? path.join(dataDir, 'media')),
  };
}
