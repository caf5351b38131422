import { FAST_KDF } from '../../test/support/pglite';
import { DEFAULT_KDF, hashPassword, verifyAgainstNobody, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Kinderschutz 2025!', FAST_KDF);
    expect(await verifyPassword('Kinderschutz 2025!', stored)).toBe(true);
    expect(await verifyPassword('kinderschutz 2025!', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash and records its parameters', async () => {
    const a = await hashPassword('gleich', FAST_KDF);
    const b = await hashPassword('gleich', FAST_KDF);
    expect(a).not.toBe(b);
    expect(a.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 10), '8', '1']);
    expect(a).not.toContain('gleich');
  });

  it('uses a memory-hard default (scrypt N=2^15, r=8) and verifies with the stored parameters', async () => {
    expect(DEFAULT_KDF.N * DEFAULT_KDF.r * 128).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    const stored = await hashPassword('obhut', DEFAULT_KDF);
    expect(stored.startsWith(`scrypt$${2 ** 15}$8$1$`)).toBe(true);
    expect(await verifyPassword('obhut', stored)).toBe(true);
  });

  it('treats composed and decomposed umlauts alike (NFC)', async () => {
    const stored = await hashPassword('Mädchen', FAST_KDF);
    expect(await verifyPassword('Ma\u0308dchen', stored)).toBe(true);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });

  it('spends real KDF time for unknown users', async () => {
    await verifyAgainstNobody('warm-up');
    const started = performance.now();
    expect(await verifyAgainstNobody('irgendwas')).toBe(false);
    // A default-cost scrypt takes tens of milliseconds; a shortcut would take microseconds.
    expect(performance.now() - started).toBeGreaterThan(10);
  });
});
