import { twilioSignature } from '../../src/channels/sms/twilio-signature';
import { basic, FakeSmsServer } from './fake-sms-provider';

/** Fixed test credentials: never real ones. */
export const TEST_TWILIO = {
  accountSid: 'AC00000000000000000000000000000001',
  authToken: 'test-twilio-auth-token-0123456789',
  voterFrom: '+15550000001',
  observerFrom: '+15550000002',
} as const;

/**
 * The settings that put both bots' numbers on Twilio with the fake at `apiRoot`; `webhookBase` is
 * the public URL Twilio signs (SMS_TWILIO_WEBHOOK_BASE_URL).
 */
export function fakeTwilioEnv(apiRoot: string, webhookBase: string): Record<string, string> {
  return {
    SMS_TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
    SMS_TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
    SMS_TWILIO_VOTER_FROM: TEST_TWILIO.voterFrom,
    SMS_TWILIO_OBSERVER_FROM: TEST_TWILIO.observerFrom,
    SMS_TWILIO_API_ROOT: apiRoot,
    SMS_TWILIO_WEBHOOK_BASE_URL: webhookBase,
  };
}

/**
 * A local fake of Twilio's Messages API over HTTP on 127.0.0.1 — what `SMS_TWILIO_API_ROOT`
 * points at in tests: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` with Basic
 * credentials and a form body (recorded, answered 201 with a message SID), as documented at
 * https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource.
 *
 * @example
 * const twilio = await startFakeTwilio();
 * await twilio.waitFor(() => twilio.sentTo('+77010000001').length > 0);
 */
export async function startFakeTwilio(
  account: { accountSid: string; authToken: string } = TEST_TWILIO,
): Promise<FakeSmsServer> {
  let next = 1;
  return FakeSmsServer.start(({ method, path, authorization, body }) => {
    if (method !== 'POST' || path !== `/2010-04-01/Accounts/${account.accountSid}/Messages.json`)
      return undefined;
    if (authorization !== basic(account.accountSid, account.authToken)) {
      return { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } };
    }
    const form = new URLSearchParams(body);
    const to = form.get('To');
    const text = form.get('Body');
    const from = form.get('From') ?? form.get('MessagingServiceSid');
    if (!to || !text || !from) {
      return { status: 400, body: { code: 21604, message: "A 'To' phone number is required.", status: 400 } };
    }
    const sid = `SM${String(next++).padStart(32, '0')}`;
    return {
      status: 201,
      body: { sid, account_sid: account.accountSid, to, from, body: text, status: 'queued' },
      send: { to, text, from },
    };
  });
}

/**
 * Incoming SMS as Twilio posts them (https://www.twilio.com/docs/messaging/guides/webhook-request):
 * form-encoded, signed with `X-Twilio-Signature` over the URL and the sorted parameters.
 *
 * @example
 * const phone = twilioPhone('+77010000001', TEST_TWILIO.voterFrom);
 * await phone.text(`${server.url}/webhooks/sms/twilio/voter`, 'hello');
 */
export function twilioPhone(
  from: string,
  to: string,
  account: { accountSid: string; authToken: string } = TEST_TWILIO,
) {
  let sequence = 0;
  const form = (text: string, extra: Record<string, string> = {}) => {
    sequence += 1;
    const sid = `SM${from.replace(/\D/g, '')}x${sequence}x${Date.now()}`;
    return new URLSearchParams({
      ToCountry: 'US',
      SmsMessageSid: sid,
      NumMedia: '0',
      SmsSid: sid,
      SmsStatus: 'received',
      Body: text,
      To: to,
      NumSegments: '1',
      MessageSid: sid,
      AccountSid: account.accountSid,
      From: from,
      ApiVersion: '2010-04-01',
      ...extra,
    });
  };
  const post = async (url: string, body: URLSearchParams, signature?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-twilio-signature': signature ?? twilioSignature(account.authToken, url, body),
      },
      body: body.toString(),
    });
    return {
      status: response.status,
      body: await response.text(),
      contentType: response.headers.get('content-type'),
    };
  };
  return { from, form, post, text: (url: string, text: string) => post(url, form(text)) };
}
