import type { Config } from '../config';
import { GeographyCacheService } from '../services/geography-cache.service';
import { WebchatRepository } from '../store/repositories/webchat.repository';
import { ConversationRunner } from './conversation-runner';
import { observerBot, type ObserverBotServices } from './observer/observer.bot';
import { voterBot, type VoterBotServices } from './voter/voter.bot';

export type BotServices = Omit<VoterBotServices, 'geographies' | 'publicUrl' | 'forgetParticipant'> &
  ObserverBotServices;

/**
 * Every bot Dauys runs, registered here and nowhere else: one line per bot. A message goes to
 * the first bot that claims it; one that no bot claims gets no reply.
 *
 * @example
 * const conversations = createConversationRunner(config, { ...conversation, ...observers, media });
 */
export function createConversationRunner(
  config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>,
  services: BotServices,
): ConversationRunner {
  const publicUrl = config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
  return new ConversationRunner([
    voterBot({ ...services, geographies: new GeographyCacheService(), publicUrl, forgetParticipant }),
    observerBot(services),
  ]);
}

/** /delete also empties the web chat's mailbox: its summary showed the vote. */
const forgetParticipant: VoterBotServices['forgetParticipant'] = async (tx, key) => {
  if (key.channel === 'webchat') await new WebchatRepository(tx).deleteParticipant(key.participant);
};
