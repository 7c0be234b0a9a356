import type { Locale } from '../../domain/locale';
import type { MessageText, OutboundButton } from '../../flows/messages';

/** WhatsApp Cloud API limits for interactive messages. */
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  buttonBody: 1024,
  replyButtons: 3,
  buttonTitle: 20,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  listButton: 20,
  id: 200,
} as const;

export type RenderTexts = (locale: Locale, texts: readonly MessageText[]) => string;

/** One Cloud API `messages` payload, without `messaging_product` and `to`. */
export type WhatsAppPayload =
  | { type: 'text'; text: { body: string } }
  | {
      type: 'interactive';
      interactive:
        | {
            type: 'button';
            body: { text: string };
            action: { buttons: Array<{ type: 'reply'; reply: { id: string; title: string } }> };
          }
        | {
            type: 'list';
            body: { text: string };
            action: {
              button: string;
              sections: Array<{ rows: Array<{ id: string; title: string; description?: string }> }>;
            };
          };
    };

/** Cuts text to `max` characters (code points, so an emoji is never split), marking the cut. */
function fit(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** Splits a long text at paragraph boundaries into bodies WhatsApp accepts. */
function textBodies(text: string, max: number): string[] {
  const bodies: string[] = [];
  let current = '';
  for (const paragraph of text.split('\n')) {
    const candidate = current ? `${current}\n${paragraph}` : paragraph;
    if ([...candidate].length <= max) {
      current = candidate;
      continue;
    }
    if (current) bodies.push(current);
    current = fit(paragraph, max);
  }
  if (current) bodies.push(current);
  return bodies;
}

/**
 * Turns one outbound message into Cloud API payloads within WhatsApp's limits: up to three
 * short buttons become reply buttons; more (or longer) become a list of at most ten rows, and a
 * longer list is paged over several list messages, each row keeping its own id. Text too long
 * for an interactive body goes first as plain text.
 *
 * @example
 * renderForWhatsApp('en', { text: [{ key: 'observer.menu' }], buttons }, translateAll);
 * // [{ type: 'interactive', interactive: { type: 'list', … rows: [ … up to 10 ] } }]
 */
export function renderForWhatsApp(
  locale: Locale,
  message: { text: MessageText[]; buttons?: OutboundButton[][] | undefined },
  render: RenderTexts,
): WhatsAppPayload[] {
  const text = render(locale, message.text) || ' ';
  const buttons = (message.buttons ?? []).flat().map((button) => ({
    id: button.data.slice(0, WHATSAPP_LIMITS.id),
    title: render(locale, [button.label]),
  }));
  if (buttons.length === 0)
    return textBodies(text, WHATSAPP_LIMITS.textBody).map((body) => ({ type: 'text', text: { body } }));

  const asButtons =
    buttons.length <= WHATSAPP_LIMITS.replyButtons &&
    buttons.every((b) => [...b.title].length <= WHATSAPP_LIMITS.buttonTitle);
  const bodyLimit = asButtons ? WHATSAPP_LIMITS.buttonBody : WHATSAPP_LIMITS.textBody;
  const payloads: WhatsAppPayload[] = [];
  let body = text;
  if ([...text].length > bodyLimit) {
    payloads.push(
      ...textBodies(text, WHATSAPP_LIMITS.textBody).map((part) => ({
        type: 'text' as const,
        text: { body: part },
      })),
    );
    body = '⬇️';
  }
  if (asButtons) {
    payloads.push({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: body },
        action: { buttons: buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })) },
      },
    });
    return payloads;
  }
  const pages = chunks(buttons, WHATSAPP_LIMITS.listRows);
  pages.forEach((rows, index) => {
    const pageBody =
      index === 0
        ? body
        : render(locale, [
            { key: 'observer.whatsapp_more_options', params: { page: index + 1, pages: pages.length } },
          ]);
    payloads.push({
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: pageBody },
        action: {
          button: fit(render(locale, [{ key: 'observer.whatsapp_list_button' }]), WHATSAPP_LIMITS.listButton),
          sections: [
            {
              rows: rows.map(({ id, title }) => ({
                id,
                title: fit(title, WHATSAPP_LIMITS.rowTitle),
                // The full label when the title had to be cut (long precinct or line names).
                ...([...title].length > WHATSAPP_LIMITS.rowTitle
                  ? { description: fit(title, WHATSAPP_LIMITS.rowDescription) }
                  : {}),
              })),
            },
          ],
        },
      },
    });
  });
  return payloads;
}
