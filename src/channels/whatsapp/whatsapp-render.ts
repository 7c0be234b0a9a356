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
 * Row titles within WhatsApp's 24 characters that tell the rows apart. Names that share a long
 * start ("Мангистауская область — демо-район 1", "… 2") would all be cut to that start, so the
 * shared words are dropped from the title (the description keeps the full name); what is still
 * alike after cutting keeps its distinguishing end instead.
 */
export function distinctRowTitles(titles: readonly string[]): string[] {
  const max = WHATSAPP_LIMITS.rowTitle;
  const long = titles.filter((title) => [...title].length > max);
  const prefix = long.length > 1 ? sharedWords(long) : '';
  const shortened = titles.map((title) =>
    [...title].length > max && prefix && title.length > prefix.length ? title.slice(prefix.length) : title,
  );
  const fitted = shortened.map((title) => fit(title, max));
  const seen = new Map<string, number>();
  for (const title of fitted) seen.set(title, (seen.get(title) ?? 0) + 1);
  return fitted.map((title, i) =>
    (seen.get(title) ?? 0) > 1 ? `…${[...shortened[i]!].slice(-(max - 1)).join('')}` : title,
  );
}

/**
 * The longest common start of all `titles` that ends at a separator (" — ", ", "), or '':
 * "Region — district 1" and "Region — district 2" share "Region — ", not "Region — district ".
 */
function sharedWords(titles: readonly string[]): string {
  let common = titles[0] ?? '';
  for (const title of titles) {
    let i = 0;
    while (i < common.length && i < title.length && common[i] === title[i]) i += 1;
    common = common.slice(0, i);
  }
  const separator = Math.max(common.lastIndexOf(' — '), common.lastIndexOf(', '));
  return separator < 0 ? '' : common.slice(0, common.indexOf(' ', separator + 1) + 1);
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
  const titles = distinctRowTitles(buttons.map((b) => b.title));
  const rowsOf = buttons.map((b, i) => ({ ...b, shown: titles[i]! }));
  const pages = chunks(rowsOf, WHATSAPP_LIMITS.listRows);
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
              rows: rows.map(({ id, title, shown }) => ({
                id,
                title: shown,
                // The full label when the title had to be shortened (long precinct or area names).
                ...(shown !== title ? { description: fit(title, WHATSAPP_LIMITS.rowDescription) } : {}),
              })),
            },
          ],
        },
      },
    });
  });
  return payloads;
}
