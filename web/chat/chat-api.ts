/** The web chat's HTTP API (`/webchat/api`), with the session in an HttpOnly cookie. */
export interface ChatMessage {
  id: number;
  version: number;
  text: string;
  buttons: Array<Array<{ label: string; data: string }>>;
  notice: boolean;
}

export type ChatInput =
  | { kind: 'text'; text: string }
  | { kind: 'command'; command: 'start' | 'language' | 'help' | 'privacy' | 'delete' }
  | { kind: 'button'; data: string };

const BASE = '/webchat/api';

/** An id the server dedupes retries by; `crypto.randomUUID` needs a secure context, this does not. */
function messageId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function ok(response: Response): Promise<Response> {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response;
}

export async function startSession(): Promise<{ maxPhotoBytes: number }> {
  const response = await ok(await fetch(`${BASE}/session`, { method: 'POST', credentials: 'same-origin' }));
  return (await response.json()) as { maxPhotoBytes: number };
}

export async function sendInput(input: ChatInput, locale: string): Promise<void> {
  await ok(
    await fetch(`${BASE}/messages`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientMessageId: messageId(), locale, input }),
    }),
  );
}

export async function sendPhoto(file: File, locale: string): Promise<void> {
  const query = new URLSearchParams({ clientMessageId: messageId(), locale });
  await ok(
    await fetch(`${BASE}/photo?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type },
      body: file,
    }),
  );
}

export async function fetchMessages(after: number): Promise<ChatMessage[]> {
  const response = await ok(await fetch(`${BASE}/messages?after=${after}`, { credentials: 'same-origin' }));
  return ((await response.json()) as { messages: ChatMessage[] }).messages;
}
