/**
 * The few PostgreSQL wire-protocol facts the embedded socket server needs: framing of client
 * messages, and reading the last ReadyForQuery status from the engine's answer.
 * (https://www.postgresql.org/docs/current/protocol-message-formats.html)
 */
export const PROTOCOL_VERSION_3 = 196608;
export const SSL_REQUEST_CODE = 80877103;
export const GSSENC_REQUEST_CODE = 80877104;
export const CANCEL_REQUEST_CODE = 80877102;
/** Backend messages that may follow ReadyForQuery without starting a new exchange. */
const ASYNCHRONOUS_TYPES = new Set(['A', 'N', 'S']);

/** Splits complete client messages off the front of `buffer`; `rest` is the incomplete tail. */
export function takeMessages(buffer: Buffer): { messages: Buffer[]; rest: Buffer } {
  const messages: Buffer[] = [];
  let offset = 0;
  while (buffer.length - offset >= 5) {
    const length = buffer.readInt32BE(offset + 1);
    if (buffer.length - offset < 1 + length) break;
    messages.push(buffer.subarray(offset, offset + 1 + length));
    offset += 1 + length;
  }
  return { messages, rest: buffer.subarray(offset) };
}

/** The engine's answer ends its exchange idle: its last message (but asynchronous ones) is ReadyForQuery 'I'. */
export function endsIdle(reply: Uint8Array): boolean {
  const view = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  let offset = 0;
  let status: string | undefined;
  while (view.length - offset >= 5) {
    const type = String.fromCharCode(view[offset] as number);
    const length = view.readInt32BE(offset + 1);
    if (type === 'Z') status = String.fromCharCode(view[offset + 5] as number);
    else if (!ASYNCHRONOUS_TYPES.has(type)) status = undefined;
    offset += 1 + length;
  }
  return status === 'I';
}

/** The answer leaves the engine in COPY FROM STDIN (CopyInResponse after the last ReadyForQuery). */
export function endsInCopyIn(reply: Uint8Array): boolean {
  const view = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  let offset = 0;
  let copying = false;
  while (view.length - offset >= 5) {
    const type = String.fromCharCode(view[offset] as number);
    if (type === 'G') copying = true;
    else if (type === 'Z') copying = false;
    offset += 1 + view.readInt32BE(offset + 1);
  }
  return copying;
}

function frame(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

export function simpleQuery(text: string): Buffer {
  return frame('Q', Buffer.from(`${text}\0`, 'utf8'));
}

export const SYNC = frame('S', Buffer.alloc(0));

export function copyFail(reason: string): Buffer {
  return frame('f', Buffer.from(`${reason}\0`, 'utf8'));
}

export function startupMessage(user: string, database: string): Buffer {
  const params = Buffer.from(`user\0${user}\0database\0${database}\0\0`, 'utf8');
  const message = Buffer.alloc(8 + params.length);
  message.writeInt32BE(message.length, 0);
  message.writeInt32BE(PROTOCOL_VERSION_3, 4);
  params.copy(message, 8);
  return message;
}

/** An ErrorResponse: severity, SQLSTATE and message, as psql and `pg` display them. */
export function errorResponse(severity: 'ERROR' | 'FATAL', sqlState: string, message: string): Buffer {
  const fields = [`S${severity}`, `V${severity}`, `C${sqlState}`, `M${message}`]
    .map((field) => `${field}\0`)
    .join('');
  return frame('E', Buffer.from(`${fields}\0`, 'utf8'));
}
