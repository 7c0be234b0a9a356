import crypto from 'node:crypto';

/**
 * Twilio's request signature (https://www.twilio.com/docs/usage/security#validating-requests):
 * the full URL Twilio called, then every POST parameter's name and value, sorted by name, with no
 * separators; HMAC-SHA1 of that with the account's auth token, in base64, sent as
 * `X-Twilio-Signature`.
 *
 * @example
 * twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', [['CallSid', 'CA1234567890ABCDE'], …]);
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Iterable<readonly [string, string]>,
): string {
  const sorted = [...params].sort(([a, x], [b, y]) => compare(a, b) || compare(x, y));
  const signed = url + sorted.map(([name, value]) => name + value).join('');
  return crypto.createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

/** Whether `header` is the signature of this form body at this URL; compared in constant time. */
export function isValidTwilioSignature(
  authToken: string,
  url: string,
  rawBody: Buffer,
  header: unknown,
): boolean {
  if (typeof header !== 'string' || header === '') return false;
  const expected = twilioSignature(authToken, url, new URLSearchParams(rawBody.toString('utf8')));
  return crypto.timingSafeEqual(digest(header), digest(expected));
}

/** Code-unit order, as Twilio's own libraries sort. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Hashing both sides first gives equal lengths, which `timingSafeEqual` requires. */
function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}
