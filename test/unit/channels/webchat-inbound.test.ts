import { describe, expect, it } from 'vitest';
import { deviceDated, normalizeWebchatInput } from '../../../src/channels/webchat/webchat-inbound';

const pollsOpenAt = new Date('2021-01-10T01:00:00Z');
const receivedAt = new Date('2021-01-10T12:00:00Z');
const base = { secret: 's'.repeat(32), sessionId: 'a'.repeat(32), clientMessageId: 'm1', receivedAt };

describe('a web chat message dated by the device (queued offline)', () => {
  it('keeps a device time inside [polls open, arrival]', () => {
    const at = new Date('2021-01-10T09:30:00Z');
    expect(deviceDated(at, { pollsOpenAt, receivedAt })).toEqual(at);
  });

  it('takes a device time before the polls opened as their opening', () => {
    expect(deviceDated(new Date('2021-01-09T22:00:00Z'), { pollsOpenAt, receivedAt })).toEqual(pollsOpenAt);
  });

  it('takes a device time in the future (later than its arrival) as the arrival', () => {
    expect(deviceDated(new Date('2021-01-11T00:00:00Z'), { pollsOpenAt, receivedAt })).toEqual(receivedAt);
  });

  it('takes an unreadable device time, or a window that has not opened yet, as the arrival', () => {
    expect(deviceDated(new Date('nonsense'), { pollsOpenAt, receivedAt })).toEqual(receivedAt);
    const early = new Date('2021-01-09T23:00:00Z');
    expect(deviceDated(new Date('2021-01-09T22:00:00Z'), { pollsOpenAt, receivedAt: early })).toEqual(early);
  });

  it('dates the inbound message by the clamped device time and marks it device-dated', () => {
    const { inbound } = normalizeWebchatInput(
      { kind: 'button', data: 'choice:a' },
      { ...base, deviceSentAt: new Date('2021-01-12T00:00:00Z'), pollsOpenAt },
    );
    expect(inbound).toMatchObject({ sentAt: receivedAt, receivedAt, dating: 'device' });
  });

  it('dates a message without a device time, or with no election to clamp to, by its arrival', () => {
    const plain = normalizeWebchatInput({ kind: 'text', text: 'hi' }, base).inbound;
    expect(plain.sentAt).toEqual(receivedAt);
    expect(plain).not.toHaveProperty('dating');
    const noElection = normalizeWebchatInput(
      { kind: 'text', text: 'hi' },
      { ...base, deviceSentAt: new Date('2021-01-10T09:30:00Z') },
    ).inbound;
    expect(noElection.sentAt).toEqual(receivedAt);
    expect(noElection).not.toHaveProperty('dating');
  });

  it('gives a retry the same dedupe key, with or without a device time', () => {
    const first = normalizeWebchatInput({ kind: 'text', text: 'hi' }, base);
    const retry = normalizeWebchatInput(
      { kind: 'text', text: 'hi' },
      { ...base, deviceSentAt: new Date('2021-01-10T09:30:00Z'), pollsOpenAt },
    );
    expect(retry.dedupeKey).toBe(first.dedupeKey);
  });
});
