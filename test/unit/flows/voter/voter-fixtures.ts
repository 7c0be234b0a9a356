import { buildGeography, type GeographyArea } from '../../../../src/domain/geography';
import type { Locale } from '../../../../src/domain/locale';
import type { InboundContent, InboundMessage, OutboundMessage } from '../../../../src/flows/messages';
import { voterFlow } from '../../../../src/flows/voter/voter-flow';
import type {
  VoterContext,
  VoterEffect,
  VoterState,
  VoteVerdict,
} from '../../../../src/flows/voter/voter-state';

const names = (en: string) => ({ kk: `${en} (kk)`, ru: `${en} (ru)`, en });

function area(
  code: string,
  depth: number,
  parentCode: string | null,
  number: string | null = null,
): GeographyArea {
  const level = ['region', 'district', 'precinct'][depth]!;
  return { code, level, depth, parentCode, number, names: names(number ? `Precinct ${number}` : code) };
}

/**
 * Two regions. North has one district with 20 precincts (paging); South has two districts
 * that both have a precinct No. 7 (a typed number is ambiguous at region level).
 */
export const areas: GeographyArea[] = [
  area('N', 0, null),
  area('N-1', 1, 'N'),
  ...Array.from({ length: 20 }, (_, i) => area(`N-1-${i + 1}`, 2, 'N-1', String(i + 1))),
  area('S', 0, null),
  area('S-1', 1, 'S'),
  area('S-1-7', 2, 'S-1', '7'),
  area('S-2', 1, 'S'),
  area('S-2-7', 2, 'S-2', '007'),
  area('S-2-8', 2, 'S-2', '8'),
];

export const geography = buildGeography(areas);

export const election = {
  slug: 'test-2024',
  names: names('Test election'),
  demo: false,
  choices: [
    { id: 'alpha', names: names('Alpha party') },
    { id: 'beta', names: names('Beta party') },
    { id: 'against-all', names: names('Against all') },
  ],
};

export const OPEN: VoteVerdict = { accepted: true, delayed: false };

export function makeContext(overrides: Partial<VoterContext> = {}): VoterContext {
  return { election, geography, judgeVote: () => OPEN, resultsUrl: 'https://dauys.example/r', ...overrides };
}

export const SENT_AT = new Date('2024-03-01T08:00:00Z');

export function inbound(content: InboundContent, overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    channel: 'telegram',
    bot: 'voter',
    participant: 'p1',
    sentAt: SENT_AT,
    receivedAt: SENT_AT,
    content,
    ...overrides,
  };
}

let callbacks = 0;
export const press = (data: string): InboundContent => ({
  kind: 'button',
  data,
  callbackId: `cb${++callbacks}`,
});
export const command = (name: string): InboundContent => ({ kind: 'command', command: name, args: '' });
export const text = (value: string): InboundContent => ({ kind: 'text', text: value });
export const photo = (fileId = 'photo-1', albumId?: string): InboundContent => ({
  kind: 'photo',
  media: { fileId },
  ...(albumId ? { albumId } : {}),
});

/** Every kind of message a step may not expect, as the channels deliver them. */
export const UNEXPECTED: Record<string, InboundContent> = {
  text: text('hello?'),
  sticker: { kind: 'sticker' },
  document: { kind: 'document', media: { fileId: 'doc-1', mimeType: 'application/pdf' } },
  video: { kind: 'video', media: { fileId: 'video-1' } },
  location: { kind: 'location' },
  contact: { kind: 'contact' },
  other: { kind: 'other' },
};

/** Drives the pure flow like the service does: the state carried from step to step. */
export class Conversation {
  state: VoterState | undefined;
  effects: VoterEffect[] = [];
  last: OutboundMessage[] = [];

  constructor(public context: VoterContext = makeContext()) {}

  send(content: InboundContent, overrides: Partial<InboundMessage> = {}) {
    const step = voterFlow(this.state, inbound(content, overrides), this.context);
    this.state = step.state;
    this.effects.push(...step.effects);
    this.last = step.replies;
    return step;
  }

  /** The last `send` reply (the panel), for its text keys and button data. */
  get panel(): Extract<OutboundMessage, { kind: 'send' }> {
    const sent = this.last.filter((reply) => reply.kind === 'send');
    const panel = sent.at(-1);
    if (!panel || panel.kind !== 'send')
      throw new Error(`no message sent; replies: ${JSON.stringify(this.last)}`);
    return panel;
  }

  get keys(): string[] {
    return this.panel.text.map((t) => ('key' in t ? t.key : `literal:${t.literal}`));
  }

  get buttonData(): string[] {
    return (this.panel.buttons ?? []).flat().map((b) => b.data);
  }

  /** Walks to the list of areas: /start, the language, the note. */
  toAreas(locale: Locale = 'en') {
    this.send(command('start'));
    this.send(press(`l:${locale}`));
    this.send(press('go'));
    return this;
  }

  /** Walks to the precincts of North's first district. */
  toPrecincts(locale: Locale = 'en') {
    this.toAreas(locale);
    this.send(press('a:N'));
    this.send(press('a:N-1'));
    return this;
  }

  /** Walks to the summary: language, note, North → district → precinct 3, Alpha, a photo. */
  toSummary(locale: Locale = 'en') {
    this.toPrecincts(locale);
    this.send(press('a:N-1-3'));
    this.send(press('ch:alpha'));
    this.send(photo());
    return this;
  }
}
