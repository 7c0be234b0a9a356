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
export function messageId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The server answered, and refused: unlike a network failure, sending it again will not help (4xx). */
export class RefusedError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function ok(response: Response): Promise<Response> {
  if (!response.ok) {
    if (response.status >= 400 && response.status < 500) throw new RefusedError(response.status);
    throw new Error(`HTTP ${response.status}`);
  }
  return response;
}

/**
 * How one message goes out: its id (the same on every retry, so the server stores it once) and,
 * for a message queued while offline, the device's clock when the visitor composed it.
 */
export interface Outgoing {
  clientMessageId: string;
  sentAt?: string;
}

export async function startSession(): Promise<{ maxPhotoBytes: number }> {
  const response = await ok(await fetch(`${BASE}/session`, { method: 'POST', credentials: 'same-origin' }));
  return (await response.json()) as { maxPhotoBytes: number };
}

export async function sendInput(input: ChatInput, locale: string, outgoing: Outgoing): Promise<void> {
  await ok(
    await fetch(`${BASE}/messages`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...outgoing, locale, input }),
    }),
  );
}

export async function sendPhoto(photo: Blob, locale: string, outgoing: Outgoing): Promise<void> {
  const query = new URLSearchParams({ ...outgoing, locale });
  await ok(
    await fetch(`${BASE}/photo?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': photo.type },
      body: photo,
    }),
  );
}

export async function fetchMessages(after: number): Promise<ChatMessage[]> {
  const response = await ok(await fetch(`${BASE}/messages?after=${after}`, { credentials: 'same-origin' }));
  return ((await response.json()) as { messages: ChatMessage[] }).messages;
}
