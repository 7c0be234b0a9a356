import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Field names that may hold personal data. They are censored wherever they appear in a log
 * object, as a second line of defence: code should never log them in the first place.
 */
const REDACTED_PATHS = [
  'chatId',
  'userId',
  'phone',
  'contact',
  'from',
  'chat',
  'password',
  'token',
  'secret',
  '*.chatId',
  '*.userId',
  '*.phone',
  '*.from',
  '*.chat',
  '*.password',
  'req.headers.cookie',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-hub-signature-256"]',
];

/** Structured JSON logs (pino). `destination` lets tests capture and scan every line. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
