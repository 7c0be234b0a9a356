import type { PGlite } from '@electric-sql/pglite';
import type { PgliteSessionGate } from './pglite-session-gate';

type BackendMessages = Awaited<ReturnType<PGlite['execProtocolStream']>>;

const ASYNCHRONOUS = new Set(['notification', 'notice', 'parameterStatus']);

/** The parsed answer ends idle: its last message (but asynchronous ones) is ReadyForQuery 'I'. */
export function messagesEndIdle(messages: BackendMessages): boolean {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i] as { name: string; status?: string };
    if (ASYNCHRONOUS.has(message.name)) continue;
    return message.name === 'readyForQuery' && message.status === 'I';
  }
  return false;
}

/**
 * The engine as the server's own `pg` pool sees it (what `createPgConfig` calls): every
 * exchange takes its turn through the gate, as one session, alongside the socket's clients.
 * With no socket client connected the gate is free and the exchange runs at once.
 */
export function gatedEngine(pglite: PGlite, gate: PgliteSessionGate, session: object): PGlite {
  const gated = {
    get waitReady() {
      return pglite.waitReady;
    },
    execProtocolStream: (message: Uint8Array, options?: Parameters<PGlite['execProtocolStream']>[1]) =>
      gate.run(session, () => pglite.execProtocolStream(message, options), messagesEndIdle),
  };
  return gated as unknown as PGlite;
}
