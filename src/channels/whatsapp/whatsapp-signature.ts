import crypto from 'node:crypto';

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` — the HMAC-SHA256 of the exact bytes Meta sent,
 * keyed with the app secret. Compared in constant time; a malformed header is simply false.
 *
 * @example
 * isValidWhatsAppSignature(rawBody, request.headers['x-hub-signature-256'], appSecret); // true | false
 */
export function isValidWhatsAppSignature(rawBody: Buffer, header: unknown, appSecret: string): boolean {
  if (typeof header !== 'string' || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = crypto.createHmac('sha256', appSecret).update(rawBody).digest();
  return crypto.timingSafeEqual(given, expected);
}

/** The header value for a body (for tests and the simulator). */
export function whatsAppSignature(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${crypto.createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
