import { androidGatewaySignature } from '../../src/channels/sms/android-gateway-signature';
import { twilioSignature } from '../../src/channels/sms/twilio-signature';
import { androidPhone } from '../support/fake-android-sms-gateway';
import { twilioPhone } from '../support/fake-twilio';
import { fuzzPayload, type FuzzPayload, type SeededRandom } from './payload-mutations';

/** The SMS settings of the fuzz server (never called out: the fuzz worker does not send). */
export const FUZZ_SMS = {
  webhookBase: 'https://fuzz.example.org',
  twilio: { accountSid: 'AC00000000000000000000000000000099', authToken: 'fuzz-twilio-token' },
  androidKey: 'fuzz-android-signing-key',
  env: (): Record<string, string> => ({
    SMS_TWILIO_ACCOUNT_SID: FUZZ_SMS.twilio.accountSid,
    SMS_TWILIO_AUTH_TOKEN: FUZZ_SMS.twilio.authToken,
    SMS_TWILIO_VOTER_FROM: '+15550000099',
    SMS_TWILIO_WEBHOOK_BASE_URL: FUZZ_SMS.webhookBase,
    SMS_TWILIO_API_ROOT: 'http://127.0.0.1:9',
    SMS_ANDROID_SIGNING_KEY: FUZZ_SMS.androidKey,
    SMS_ANDROID_OBSERVER_USERNAME: 'fuzz',
    SMS_ANDROID_OBSERVER_PASSWORD: 'fuzz',
    SMS_ANDROID_API_ROOT: 'http://127.0.0.1:9',
  }),
};

interface SmsFuzzRequest {
  path: string;
  payload: FuzzPayload;
  headers: Record<string, string>;
}

const SEEDS = ['hello', '/start', 'V 190 2', 'Сәлем', '', '1'];

/**
 * A fuzzed Twilio delivery: the JSON mutations applied to the form's fields (then form-encoded),
 * or the wire-level ones (truncated, random, invalid UTF-8, empty, oversized) sent as a form;
 * mostly signed over exactly what is sent, so the mutation reaches the schema behind the check.
 */
export function twilioFuzzRequest(rng: SeededRandom): SmsFuzzRequest {
  const phone = twilioPhone(
    `+7701${String(rng.nextInt(100)).padStart(7, '0')}`,
    '+15550000099',
    FUZZ_SMS.twilio,
  );
  const fields = Object.fromEntries(phone.form(SEEDS[rng.nextInt(SEEDS.length)]!));
  const fuzzed = fuzzPayload(rng, fields);
  const body = asForm(fuzzed);
  const path = '/webhooks/sms/twilio/voter';
  const signature =
    rng.next() < 0.9 && fuzzed.kind !== 'oversized'
      ? twilioSignature(
          FUZZ_SMS.twilio.authToken,
          FUZZ_SMS.webhookBase + path,
          new URLSearchParams(body.toString('utf8')),
        )
      : 'AAAA';
  const contentType =
    fuzzed.kind === 'wrong-content-type' ? fuzzed.contentType : 'application/x-www-form-urlencoded';
  return { path, payload: { ...fuzzed, body, contentType }, headers: { 'x-twilio-signature': signature } };
}

/** A fuzzed "SMS Gateway for Android" delivery, mostly signed over the exact bytes with a fresh timestamp. */
export function androidFuzzRequest(rng: SeededRandom): SmsFuzzRequest {
  const phone = androidPhone(`+7701${String(rng.nextInt(100)).padStart(7, '0')}`, FUZZ_SMS.androidKey);
  const payload = fuzzPayload(rng, phone.received(SEEDS[rng.nextInt(SEEDS.length)]!));
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature =
    rng.next() < 0.9 ? androidGatewaySignature(payload.body, timestamp, FUZZ_SMS.androidKey) : '0'.repeat(64);
  return {
    path: '/webhooks/sms/android/observer',
    payload,
    headers: { 'x-signature': signature, 'x-timestamp': timestamp },
  };
}

/** A JSON object's fields as a form (objects and arrays as their JSON); other bodies as they are. */
function asForm(payload: FuzzPayload): Buffer {
  // Refused for its size before anything reads it: encoding a megabyte would only slow the loop.
  if (payload.kind === 'oversized') return payload.body;
  let value: unknown;
  try {
    value = JSON.parse(payload.body.toString('utf8'));
  } catch {
    return payload.body;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return payload.body;
  const form = new URLSearchParams();
  for (const [name, field] of Object.entries(value)) {
    form.append(name, typeof field === 'string' ? field : (JSON.stringify(field) ?? ''));
  }
  return Buffer.from(form.toString());
}
