import { describe, expect, it } from 'vitest';
import {
  generateOneTimePassword,
  hashPassword,
  verifyPassword,
  type ScryptCost,
} from '../../../src/security/password';

// A lower cost keeps the unit test quick; the format and checks are the same at any cost.
const CHEAP: ScryptCost = { ln: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple', CHEAP);
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same', CHEAP), hashPassword('same', CHEAP)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('reads the cost from the stored value, so hashes made at an older cost still verify', async () => {
    const stored = await hashPassword('pässword', { ln: 11, r: 4, p: 1 });
    expect(await verifyPassword('pässword', stored)).toBe(true);
    // NFC and NFD spellings of the same text are one password.
    expect(await verifyPassword('pa\u0308ssword', stored)).toBe(true);
  });

  it('answers false for a malformed or tampered stored value instead of throwing', async () => {
    const stored = await hashPassword('secret', CHEAP);
    expect(await verifyPassword('secret', 'plain-text-secret')).toBe(false);
    expect(await verifyPassword('secret', stored.replace('ln=10', 'ln=40'))).toBe(false);
    const [, , params, salt, hash] = stored.split('$');
    const flipped = (hash![0] === 'A' ? 'B' : 'A') + hash!.slice(1);
    expect(await verifyPassword('secret', `$scrypt$${params}$${salt}$${flipped}`)).toBe(false);
  });

  it('generates one-time passwords that are long, grouped and distinct', () => {
    const passwords = new Set(Array.from({ length: 50 }, generateOneTimePassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
  });
});
