import { translateAll } from '../../i18n/index';
import { channelBots, type ChannelAdapter } from '../channel-adapter';
import { MediaFetchFailure } from '../channel-sender';
import type { WebhookChannel } from '../webhook-channel';
import { AndroidGatewayTransport } from './android-gateway.transport';
import { androidGatewayWebhookChannel } from './android-gateway-webhook-channel';
import { createSmsAccounts, type SmsAccount } from './sms-accounts';
import { smsSender } from './sms.sender';
import { TwilioTransport } from './twilio.transport';
import { twilioWebhookChannel } from './twilio-webhook-channel';

/**
 * SMS: each bot's own number, on Twilio or on an Android phone running "SMS Gateway for Android"
 * (docs/sms.md). Inbound SMS are plain texts (a typed "/start" is a command); replies are
 * rendered as text with their options numbered. Sends are paced in segments
 * (`SMS_MAX_SENDS_PER_SECOND`), with two seconds between two SMS to one number: concatenated
 * and consecutive SMS can arrive out of order, and a gap makes that rarer.
 */
export const smsChannel: ChannelAdapter<'sms'> = {
  name: 'sms',
  limits: (config) => ({ perSecond: config.SMS_MAX_SENDS_PER_SECOND, perChatIntervalMs: 2000 }),
  bots: (config) =>
    channelBots('sms', createSmsAccounts(config).values(), {
      sender: (account) => smsSender(transportFor(account), translateAll),
      fetch: noMedia,
    }),
  webhooks: (context) => [
    twilioWebhookChannel(context) as WebhookChannel<unknown>,
    androidGatewayWebhookChannel(context) as WebhookChannel<unknown>,
  ],
};

function transportFor(account: SmsAccount) {
  return account.provider === 'twilio' ? new TwilioTransport(account) : new AndroidGatewayTransport(account);
}

/** SMS carries no files (an MMS picture reaches the bots as `other`), so there is never one to fetch. */
async function noMedia(): Promise<Buffer> {
  throw new MediaFetchFailure('sms has no media to fetch', { permanent: true });
}
