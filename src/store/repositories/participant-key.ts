import type { BotName, ChannelName } from '../../flows/messages';

/** One participant of one bot on one channel: how conversations, addresses and the inbox key rows. */
export interface ParticipantKey {
  channel: ChannelName;
  bot: BotName;
  participant: string;
}

/**
 * The key as column equalities, for `.where((eb) => eb.and(participantColumns(key)))` on any
 * table keyed by participant (its three columns carry the same names everywhere).
 */
export function participantColumns(key: ParticipantKey): ParticipantKey {
  return { channel: key.channel, bot: key.bot, participant: key.participant };
}
