import crypto from 'node:crypto';

/**
 * How far `X-Timestamp` may be from our clock: the ±5 minutes the gateway's documentation
 * recommends against replays. The phone signs each attempt anew, so a delivery retried hours
 * later (the phone was offline) still carries a fresh timestamp.
 */
export const ANDROID_TIMESTAMP_TOLERANCE_S = 300;

/**
 * "SMS Gateway for Android" signs each webhook request: `X-Signature` is the lowercase hex
 * HMAC-SHA256, keyed with the app's signing key, of the raw body followed by `X-Timestamp` (Unix
 * seconds) — https://docs.sms-gate.app/features/webhooks/#payload-signing, and in the app
 * `modules/webhooks/plugins/PayloadSingingPlugin.kt`.
 *
 * @example
 * androidGatewaySignature(rawBody, '1718000000', signingKey); // '9f1c…' (64 hex digits)
 */
export function androidGatewaySignature(
  rawBody: Buffer | string,
  timestamp: string,
  signingKey: string,
): string {
  return crypto
    .createHmac('sha256', signingKey)
    .update(Buffer.concat([Buffer.from(rawBody), Buffer.from(timestamp, 'utf8')]))
    .digest('hex');
}

/**
 * Undefined when the request is signed by the key and recent; otherwise what is wrong.
 *
 * @example
 * checkAndroidGatewaySignature(rawBody, request.headers, signingKey, Date.now()); // undefined
 */
export function checkAndroidGatewaySignature(
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
  signingKey: string,
  nowMs: number,
): string | undefined {
  const signature = headers['x-signature'];
  const timestamp = headers['x-timestamp'];
  if (
    typeof signature !== 'string' ||
    !/^[0-9a-f]{64}$/i.test(signature) ||
    typeof timestamp !== 'string' ||
    !/^\d{1,12}$/.test(timestamp)
  ) {
    return 'missing or malformed X-Signature / X-Timestamp';
  }
  const expected = Buffer.from(androidGatewaySignature(rawBody, timestamp, signingKey), 'hex');
  if (!crypto.timingSafeEqual(Buffer.from(signature, 'hex'), expected)) return 'wrong X-Signature';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > ANDROID_TIMESTAMP_TOLERANCE_S) {
    return 'X-Timestamp is more than 5 minutes from our clock (a replay, or the phone clock is wrong)';
  }
  return undefined;
}
