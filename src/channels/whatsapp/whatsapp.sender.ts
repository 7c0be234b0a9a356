import type { Locale } from '../../domain/locale';
import type { AddressedOutbound, BotName, OutboundMessage } from '../../flows/messages';
import { SendFailure, type ChannelSender, type SendResult } from '../channel-sender';
import { RATE_LIMIT_CODES, type WhatsAppBot } from './whatsapp-cloud-api';
import { renderForWhatsApp, type RenderTexts } from './whatsapp-render';

/** When a 429 names no delay: WhatsApp's throughput limits reset within seconds. */
const DEFAULT_RETRY_MS = 2000;

/**
 * Delivers outbox messages through the WhatsApp Cloud API (`POST /<phone-number-id>/messages`).
 * WhatsApp cannot edit a sent message or answer a button press, so `replacePanel` sends anew and
 * `answer_button` does nothing. A message that needs several API calls (long text, a paged list)
 * says so in `cost`, and the outbox takes that many tokens at once from the bot's budget
 * (`WHATSAPP_MAX_SENDS_PER_SECOND`, declared by the adapter), so a rate limit never cuts one in half.
 *
 * @example
 * const sender = new WhatsAppSender(bot, translateAll);
 * await sender.send('77010000000', reply);
 */
export class WhatsAppSender implements ChannelSender {
  readonly channel = 'whatsapp' as const;

  constructor(
    private readonly whatsapp: WhatsAppBot,
    private readonly render: RenderTexts,
  ) {}

  get bot(): BotName {
    return this.whatsapp.name;
  }

  cost(message: OutboundMessage, locale: Locale): number {
    return message.kind === 'answer_button' ? 0 : renderForWhatsApp(locale, message, this.render).length;
  }

  async send(address: string, out: AddressedOutbound): Promise<SendResult> {
    if (out.message.kind === 'answer_button') return {};
    for (const payload of renderForWhatsApp(out.locale, out.message, this.render)) {
      const result = await this.post(address, payload);
      if (result) return result;
    }
    return {};
  }

  private async post(address: string, payload: object): Promise<{ retryAfterMs: number } | undefined> {
    let response: Response;
    try {
      response = await fetch(`${this.whatsapp.apiRoot}/${this.whatsapp.phoneNumberId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.whatsapp.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: address,
          ...payload,
        }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      // Never pass the error on: it could carry the request (the phone number).
      throw new SendFailure('network error calling the WhatsApp Cloud API', { permanent: false });
    }
    if (response.ok) return undefined;
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: number; message?: string } };
    const code = body.error?.code;
    if (response.status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : DEFAULT_RETRY_MS,
      };
    }
    const description = `messages: ${response.status}${code !== undefined ? ` (code ${code})` : ''}`;
    throw new SendFailure(description, { permanent: response.status < 500, status: response.status });
  }
}
