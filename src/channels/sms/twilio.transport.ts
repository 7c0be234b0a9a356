import type { BotName } from '../../flows/messages';
import type { TwilioAccount } from './sms-accounts';
import { basicAuth, callSmsProvider } from './sms-http';
import type { SmsTransport } from './sms.sender';

/**
 * Twilio refusals that mean "later", not "never": 20429 too many requests, 21611 the sender's
 * queue is full (https://www.twilio.com/docs/api/errors/20429, …/21611).
 */
const RATE_LIMIT_CODES = new Set([20429, 21611]);

/**
 * Sends through Twilio's Messages resource: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded `To`, `Body` and `From` (a number) or `MessagingServiceSid` ("MG…"), with the
 * account SID and auth token as Basic credentials; 201 means queued
 * (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource).
 *
 * @example
 * await new TwilioTransport(account).deliver('+77010000001', 'Сәлем!');
 */
export class TwilioTransport implements SmsTransport {
  constructor(private readonly account: TwilioAccount) {}

  get bot(): BotName {
    return this.account.name;
  }

  deliver(to: string, text: string): Promise<{ retryAfterMs: number } | undefined> {
    const { accountSid, authToken, from, apiRoot } = this.account;
    const sender: [string, string] = /^MG[0-9a-f]{32}$/i.test(from)
      ? ['MessagingServiceSid', from]
      : ['From', from];
    return callSmsProvider(
      'twilio messages',
      `${apiRoot}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`,
      {
        method: 'POST',
        headers: {
          authorization: basicAuth(accountSid, authToken),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams([['To', to], sender, ['Body', text]]).toString(),
      },
      (body) => typeof body.code === 'number' && RATE_LIMIT_CODES.has(body.code),
    );
  }
}
