import { describe, expect, it } from 'vitest';
import {
  androidGatewaySignature,
  checkAndroidGatewaySignature,
} from '../../../src/channels/sms/android-gateway-signature';
import { isValidTwilioSignature, twilioSignature } from '../../../src/channels/sms/twilio-signature';

describe("Twilio's X-Twilio-Signature", () => {
  // The worked example of https://www.twilio.com/docs/usage/security#validating-requests.
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params: Array<[string, string]> = [
    ['CallSid', 'CA1234567890ABCDE'],
    ['Caller', '+12349013030'],
    ['Digits', '1234'],
    ['From', '+12349013030'],
    ['To', '+18005551212'],
  ];

  it("matches Twilio's documented example, whatever order the parameters come in", () => {
    expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(twilioSignature('12345', url, [...params].reverse())).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('accepts the form body it was computed over and refuses a changed one, a wrong URL, token or no header', () => {
    const body = Buffer.from(new URLSearchParams(params).toString());
    const signature = twilioSignature('12345', url, params);
    expect(isValidTwilioSignature('12345', url, body, signature)).toBe(true);
    const changed = Buffer.from(new URLSearchParams([...params, ['Body', 'V 190 2']]).toString());
    expect(isValidTwilioSignature('12345', url, changed, signature)).toBe(false);
    expect(isValidTwilioSignature('12345', 'https://mycompany.com/other', body, signature)).toBe(false);
    expect(isValidTwilioSignature('54321', url, body, signature)).toBe(false);
    expect(isValidTwilioSignature('12345', url, body, undefined)).toBe(false);
    expect(isValidTwilioSignature('12345', url, body, '')).toBe(false);
  });
});

describe("SMS Gateway for Android's X-Signature", () => {
  const key = 'signing-key';
  const body = Buffer.from('{"event":"sms:received","id":"x","payload":{}}');
  const now = 1_718_000_000_000;
  const timestamp = String(now / 1000);

  it('is the hex HMAC-SHA256 of the raw body followed by X-Timestamp', () => {
    // The same computation as the app's PayloadSingingPlugin and the docs' examples (body + timestamp).
    const expected = androidGatewaySignature(Buffer.concat([body, Buffer.from(timestamp)]), '', key);
    expect(androidGatewaySignature(body, timestamp, key)).toBe(expected);
    expect(androidGatewaySignature(body, timestamp, key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a fresh, correct signature and names what is wrong with every other', () => {
    const signature = androidGatewaySignature(body, timestamp, key);
    const headers = { 'x-signature': signature, 'x-timestamp': timestamp };
    expect(checkAndroidGatewaySignature(body, headers, key, now)).toBeUndefined();
    expect(checkAndroidGatewaySignature(body, headers, key, now + 299_000)).toBeUndefined();
    expect(checkAndroidGatewaySignature(body, headers, 'other-key', now)).toBe('wrong X-Signature');
    expect(checkAndroidGatewaySignature(Buffer.from(`${body} `), headers, key, now)).toBe(
      'wrong X-Signature',
    );
    // Signed correctly, but replayed after the tolerance.
    expect(checkAndroidGatewaySignature(body, headers, key, now + 301_000)).toMatch(/more than 5 minutes/);
    expect(checkAndroidGatewaySignature(body, { 'x-timestamp': timestamp }, key, now)).toMatch(/missing/);
    expect(checkAndroidGatewaySignature(body, { 'x-signature': signature }, key, now)).toMatch(/missing/);
    expect(checkAndroidGatewaySignature(body, { ...headers, 'x-signature': 'zz' }, key, now)).toMatch(
      /malformed/,
    );
  });
});
