import type { InboundContent, MessageText } from '../messages';

/**
 * The short answer to a message the current step cannot use. It names what was wrong in the
 * voter's terms (a file instead of a photo, a location that should never be sent) and is
 * always followed by the step's panel again, so the conversation carries on where it was.
 *
 * @example
 * reprompt({ kind: 'sticker' }); // { key: 'voter.unexpected_sticker' }
 */
export function reprompt(content: InboundContent): MessageText {
  switch (content.kind) {
    case 'text':
      return { key: 'voter.unexpected_text' };
    case 'photo':
      return { key: 'voter.unexpected_photo' };
    case 'video':
      return { key: 'voter.unexpected_video' };
    case 'document':
      return { key: 'voter.unexpected_document' };
    case 'sticker':
      return { key: 'voter.unexpected_sticker' };
    case 'location':
      return { key: 'voter.unexpected_location' };
    case 'contact':
      return { key: 'voter.unexpected_contact' };
    case 'button':
    case 'command':
    case 'other':
      return { key: 'voter.unexpected_other' };
  }
}
