import { androidGatewaySignature } from '../../src/channels/sms/android-gateway-signature';
import { basic, FakeSmsServer } from './fake-sms-provider';

/** Fixed test credentials: never real ones. */
export const TEST_ANDROID = {
  signingKey: 'test-android-signing-key-0123456789',
  voter: { username: 'VOTERPHONE', password: 'voter-phone-password' },
  observer: { username: 'OBSRVPHONE', password: 'observer-phone-password' },
} as const;

/** The settings that put both bots' numbers on Android phones behind the fake at `apiRoot`. */
export function fakeAndroidGatewayEnv(apiRoot: string): Record<string, string> {
  return {
    SMS_ANDROID_API_ROOT: apiRoot,
    SMS_ANDROID_SIGNING_KEY: TEST_ANDROID.signingKey,
    SMS_ANDROID_VOTER_USERNAME: TEST_ANDROID.voter.username,
    SMS_ANDROID_VOTER_PASSWORD: TEST_ANDROID.voter.password,
    SMS_ANDROID_OBSERVER_USERNAME: TEST_ANDROID.observer.username,
    SMS_ANDROID_OBSERVER_PASSWORD: TEST_ANDROID.observer.password,
  };
}

/**
 * A local fake of "SMS Gateway for Android"'s API over HTTP on 127.0.0.1 — what
 * `SMS_ANDROID_API_ROOT` points at in tests: `POST /messages` with the phone's Basic credentials
 * and `{ textMessage: { text }, phoneNumbers }` (recorded, answered 202 "Pending"), per the app's
 * OpenAPI file (app/src/main/assets/api/swagger.json) and https://docs.sms-gate.app/integration/api/.
 *
 * @example
 * const gateway = await startFakeAndroidGateway();
 * await gateway.waitFor(() => gateway.sentTo('+77010000002').length > 0);
 */
export async function startFakeAndroidGateway(phones = [TEST_ANDROID.voter, TEST_ANDROID.observer]) {
  let next = 1;
  return FakeSmsServer.start(({ method, path, authorization, body }) => {
    if (method !== 'POST' || path !== '/messages') return undefined;
    const phone = phones.find((each) => authorization === basic(each.username, each.password));
    if (!phone) return { status: 401, body: { message: 'Unauthorized' } };
    const request = JSON.parse(body) as { textMessage?: { text?: string }; phoneNumbers?: string[] };
    const text = request.textMessage?.text;
    const to = request.phoneNumbers?.[0];
    if (!text || !to) return { status: 400, body: { message: 'Invalid request' } };
    const id = `out-${next++}`;
    return {
      status: 202,
      body: {
        id,
        deviceId: `device-${phone.username}`,
        state: 'Pending',
        recipients: [{ phoneNumber: to, state: 'Pending' }],
      },
      send: { to, text, from: phone.username },
    };
  });
}

/**
 * Webhook deliveries as the app posts them (https://docs.sms-gate.app/features/webhooks/): JSON
 * `{ deviceId, event, id, payload, webhookId }`, signed with `X-Signature` (HMAC-SHA256 hex of
 * the raw body followed by `X-Timestamp`).
 *
 * @example
 * const phone = androidPhone('+77010000002');
 * await phone.post(`${server.url}/webhooks/sms/android/voter`, phone.received('hello'));
 */
export function androidPhone(from: string, signingKey: string = TEST_ANDROID.signingKey) {
  let sequence = 0;
  const received = (message: string, receivedAt = new Date()) => {
    sequence += 1;
    return {
      deviceId: 'ffffffffceb0b1db0000018e937c815b',
      event: 'sms:received',
      id: `Ey6ECgOkVVFjz3CL4${sequence}${Date.now()}`,
      payload: {
        messageId: (0x9e3779b9 * sequence + Date.now()).toString(16).slice(-8),
        message,
        phoneNumber: from,
        simNumber: 1,
        receivedAt: localIso(receivedAt),
      },
      webhookId: 'dauys-sms-received',
    };
  };
  const post = async (
    url: string,
    body: unknown,
    options: { timestamp?: number; signature?: string | null; key?: string } = {},
  ) => {
    const raw = JSON.stringify(body);
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const signature =
      options.signature === undefined
        ? androidGatewaySignature(raw, timestamp, options.key ?? signingKey)
        : options.signature;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-timestamp': timestamp,
        ...(signature !== null ? { 'x-signature': signature } : {}),
      },
      body: raw,
    });
    return { status: response.status, body: await response.text() };
  };
  return { from, received, post };
}

/** "2024-06-22T15:46:11.000+07:00": the phone's local time with its offset, as the app sends it (here +05:00, Almaty). */
function localIso(date: Date): string {
  const shifted = new Date(date.getTime() + 5 * 3600_000);
  return `${shifted.toISOString().slice(0, 23)}+05:00`;
}
