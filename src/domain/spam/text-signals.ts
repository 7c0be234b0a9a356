/**
 * What a voter types is short: a number, a place name, "Nur Otan". Links and @handles are what
 * the 2021 attack's fake page and fake bot copy needed to spread, so they are the text signals.
 */

export interface TextFindings {
  /** Web links, t.me links, bare domains. */
  links: string[];
  /** @handles (other bots or channels being promoted). */
  mentions: string[];
}

const LINK =
  /\b(?:https?:\/\/\S+|www\.\S+|t\.me\/\S+|telegram\.me\/\S+|wa\.me\/\S+|[a-z0-9-]+\.(?:com|net|org|ru|kz|me|io|info|xyz|top|site)\b\S*)/giu;
const MENTION = /(?<![\w.])@[A-Za-z][A-Za-z0-9_]{4,31}\b/gu;

/**
 * Links and handles in the texts an account sent.
 *
 * @example
 * findTextSpam(['Vote here: t.me/dauys_kz_b0t', 'ok']); // { links: ['t.me/dauys_kz_b0t'], mentions: [] }
 */
export function findTextSpam(texts: readonly string[]): TextFindings {
  const links: string[] = [];
  const mentions: string[] = [];
  for (const text of texts) {
    links.push(...(text.match(LINK) ?? []));
    mentions.push(...(text.match(MENTION) ?? []));
  }
  return { links, mentions };
}
