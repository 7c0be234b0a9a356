import { demoElection } from '../../domain/demo-election';
import { translate } from '../../../../src/i18n/index';
import type { InboundContent, InboundMessage, OutboundMessage } from '../../../../src/flows/messages';
import { observerFlow } from '../../../../src/flows/observer/observer-flow';
import { figureSlots } from '../../../../src/flows/observer/protocol-figures';
import type {
  ObserverContext,
  ObserverEffect,
  ObserverPrecinct,
  ObserverState,
} from '../../../../src/flows/observer/observer-state';

export const election = demoElection();

export const PRECINCTS: ObserverPrecinct[] = [
  { code: 'p1', number: '101', names: { kk: 'Учаске 101', ru: 'Участок 101', en: 'Precinct 101' } },
  { code: 'p2', number: '102', names: { kk: 'Учаске 102', ru: 'Участок 102', en: 'Precinct 102' } },
];

export const BOUND: ObserverContext = { election, precincts: PRECINCTS };

let sequence = 0;

export function inbound(content: InboundContent): InboundMessage {
  sequence += 1;
  const at = new Date(Date.UTC(2021, 0, 10, 15, 0, sequence));
  return {
    channel: 'telegram',
    bot: 'observer',
    participant: 'obs-1',
    sentAt: at,
    receivedAt: at,
    clientLocale: 'en',
    content,
  };
}

export const text = (value: string) => inbound({ kind: 'text', text: value });
export const press = (data: string) => inbound({ kind: 'button', data, callbackId: `cb-${data}` });
export const command = (name: string, args = '') => inbound({ kind: 'command', command: name, args });
export const photo = (id: string) =>
  inbound({ kind: 'photo', media: { fileId: id, mimeType: 'image/jpeg' } });

/** Renders a step's sent messages in English, to assert on what the observer reads. */
export function rendered(replies: OutboundMessage[]): string {
  return replies
    .filter((reply) => reply.kind === 'send')
    .map((reply) => reply.text.map((t) => translate('en', t)).join('\n'))
    .join('\n---\n');
}

export function buttonData(replies: OutboundMessage[]): string[] {
  return replies.flatMap((reply) =>
    reply.kind === 'send' ? (reply.buttons ?? []).flat().map((b) => b.data) : [],
  );
}

/**
 * Drives the flow through several messages, keeping the state, as the service would.
 *
 * @example
 * const run = conversation(); run.send(command('menu')); run.send(press('mp'));
 */
export function conversation(context: ObserverContext = BOUND, start?: ObserverState) {
  let state = start;
  const effects: ObserverEffect[] = [];
  let last: ReturnType<typeof observerFlow> | undefined;
  return {
    send(message: InboundMessage) {
      last = observerFlow(state, message, context);
      state = last.state;
      effects.push(...last.effects);
      return last;
    },
    get state() {
      return state;
    },
    effects,
    get text() {
      return last ? rendered(last.replies) : '';
    },
    get buttons() {
      return last ? buttonData(last.replies) : [];
    },
  };
}

/** A consistent protocol of the demo form: every rule passes, turnout 60%. */
export const CONSISTENT: Record<string, string> = {
  '1': '1000',
  '2': '1000',
  '3': '600',
  '4': '600',
  '5': '600',
  '6.ak-zhol': '100',
  '6.nur-otan': '300',
  '6.adal': '90',
  '6.auyl': '60',
  '6.peoples-party': '40',
  '7': '10',
  '8': '400',
};

/** The demo form's figure keys in the order the bot asks them (object key order would put "6.x" last). */
export const FORM_ORDER = figureSlots(election).map((slot) => slot.key);

/** Types every figure in the order the bot asks for them. */
export function typeFigures(run: ReturnType<typeof conversation>, figures: Record<string, string>) {
  for (const key of FORM_ORDER) run.send(text(figures[key] ?? ''));
}
