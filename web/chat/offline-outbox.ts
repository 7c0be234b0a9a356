import { RefusedError, type ChatInput } from './chat-api';

/**
 * A message the visitor composed: a button, a command or text, or the ballot photo (a Blob: a
 * phone's JPEG is megabytes, which IndexedDB keeps as it is and localStorage cannot).
 * `sentAt` is the device's clock when it was composed; it goes to the server only if the message
 * had to wait, so the server knows its date is the phone's word (it clamps it, and marks the vote).
 */
export type OutgoingMessage = { clientMessageId: string; locale: string; sentAt: string } & (
  { kind: 'input'; input: ChatInput } | { kind: 'photo'; photo: Blob }
);

type Stored = OutgoingMessage & { seq?: number };

/** Sends one message; `queued` when it waited on the phone (then with its device date). */
export type Deliver = (message: OutgoingMessage, queued: boolean) => Promise<void>;

const DB_NAME = 'dauys-chat';
const STORE = 'outbox';

/**
 * The web chat's messages kept on the phone while the internet is down (Kazakhstan cut it on
 * election day in 2021), sent in the order they were composed, each with its original
 * `clientMessageId`, once it returns: a message whose answer was lost in transit is sent again
 * and the server stores it once. A saved message stays until the server has it, even if the tab
 * is closed; it holds the visitor's choice, so it is deleted the moment it is accepted.
 *
 * @example
 * const outbox = new OfflineOutbox(deliver);
 * await outbox.submit({ clientMessageId, locale: 'kk', sentAt: new Date().toISOString(), kind: 'input', input });
 * // 'sent', or 'saved' when offline; later, on the 'online' event:
 * await outbox.flush(); // { sent: 1, refused: 0, left: 0 }
 */
export class OfflineOutbox {
  private database: Promise<IDBDatabase | undefined> | undefined;
  /** One submit or flush at a time: the order on the phone is the order on the server. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly deliver: Deliver) {}

  /** The ids of the messages waiting on the phone, oldest first. */
  async waiting(): Promise<string[]> {
    return (await this.all()).map((message) => message.clientMessageId);
  }

  /**
   * Sends now when nothing is waiting before it; keeps it on the phone when something is, or when
   * the network fails. A refusal by the server (`RefusedError`) is thrown: saving it would not help.
   */
  submit(message: OutgoingMessage): Promise<'sent' | 'saved'> {
    return this.inTurn(async () => {
      if ((await this.all()).length === 0 && navigator.onLine !== false) {
        try {
          await this.deliver(message, false);
          return 'sent';
        } catch (error) {
          if (error instanceof RefusedError || !(await this.store())) throw error;
        }
      }
      if (!(await this.put(message))) await this.deliver(message, false);
      return 'saved';
    });
  }

  /** Sends the waiting messages in order, stopping at the first that cannot get through. */
  flush(): Promise<{ sent: number; refused: number; left: number }> {
    return this.inTurn(async () => {
      const waiting = await this.all();
      let sent = 0;
      let refused = 0;
      for (const message of waiting) {
        try {
          await this.deliver(message, true);
          sent += 1;
        } catch (error) {
          // Refused (a button of a panel that no longer exists, say): it never will be accepted,
          // and keeping it would hold back every message after it.
          if (!(error instanceof RefusedError)) break;
          refused += 1;
        }
        await this.remove(message.seq!);
      }
      return { sent, refused, left: waiting.length - sent - refused };
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.turn.then(work, work);
    this.turn = next.catch(() => undefined);
    return next;
  }

  /** The database, or undefined where the browser has none (then messages are sent directly). */
  private store(): Promise<IDBDatabase | undefined> {
    this.database ??= new Promise((resolve) => {
      if (!globalThis.indexedDB) return resolve(undefined);
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () =>
        request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(undefined);
    });
    return this.database;
  }

  private async all(): Promise<Stored[]> {
    const database = await this.store();
    if (!database) return [];
    // Keys are auto-increment numbers, so getAll() returns the messages in the order composed.
    return request<Stored[]>(database.transaction(STORE).objectStore(STORE).getAll());
  }

  private async put(message: OutgoingMessage): Promise<boolean> {
    const database = await this.store();
    if (!database) return false;
    await request(database.transaction(STORE, 'readwrite').objectStore(STORE).add(message));
    return true;
  }

  private async remove(seq: number): Promise<void> {
    const database = await this.store();
    if (database) await request(database.transaction(STORE, 'readwrite').objectStore(STORE).delete(seq));
  }
}

function request<T>(pending: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result as T);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB request failed'));
  });
}
