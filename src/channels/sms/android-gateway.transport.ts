import type { BotName } from '../../flows/messages';
import type { AndroidGatewayAccount } from './sms-accounts';
import { basicAuth, callSmsProvider } from './sms-http';
import type { SmsTransport } from './sms.sender';

/**
 * Sends through "SMS Gateway for Android" (capcom6/android-sms-gateway): `POST {root}/messages`
 * with the phone's username and password as Basic credentials and the JSON body
 * `{ textMessage: { text }, phoneNumbers: [to] }`; 202 means queued on the phone, and 503 "queue
 * limits exceeded; ensure device is online" is worth waiting for. The root is the cloud server's
 * `https://api.sms-gate.app/3rdparty/v1`, a private server's, or the phone's own local server.
 * Documented at https://docs.sms-gate.app/integration/api/ and in the app's OpenAPI file
 * (app/src/main/assets/api/swagger.json, `POST /messages`, schema `smsgateway.Message`).
 *
 * @example
 * await new AndroidGatewayTransport(account).deliver('+77010000001', 'Сәлем!');
 */
export class AndroidGatewayTransport implements SmsTransport {
  constructor(private readonly account: AndroidGatewayAccount) {}

  get bot(): BotName {
    return this.account.name;
  }

  async deliver(to: string, text: string): Promise<{ retryAfterMs: number } | undefined> {
    const { username, password, apiRoot } = this.account;
    try {
      return await callSmsProvider('android gateway messages', `${apiRoot}/messages`, {
        method: 'POST',
        headers: { authorization: basicAuth(username, password), 'content-type': 'application/json' },
        body: JSON.stringify({ textMessage: { text }, phoneNumbers: [to] }),
      });
    } catch (error) {
      // The phone is offline or its queue is full: it will take the message once it is back.
      if (error instanceof Error && 'status' in error && error.status === 503)
        return { retryAfterMs: 30_000 };
      throw error;
    }
  }
}
