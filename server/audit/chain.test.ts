import { ChainVerifier, GENESIS_HASH, rowHash, storableText, type StoredRow, toRecord } from './chain';

const at = new Date('2026-11-25T03:14:15.926Z');

function chain(n: number): StoredRow[] {
  const rows: StoredRow[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const record = toRecord(id, at, {
      action: 'sync.push',
      actorId: 'u1',
      officeId: 'segeberg',
      details: { collection: 'intakes', documents: [{ id: `d${id}`, op: 'update', fields: ['child.firstName'] }] },
    });
    const hash = rowHash(prev, record);
    rows.push({ ...record, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

function verify(rows: StoredRow[], head = { seq: rows.length, hash: rows.at(-1)?.hash ?? GENESIS_HASH }) {
  const v = new ChainVerifier();
  for (const row of rows) {
    const broken = v.next(row);
    if (broken) return broken;
  }
  return v.end(head);
}

describe('audit hash chain', () => {
  it('hashes the previous hash and the canonical content: key order does not matter, every value does', () => {
    const a = toRecord(1, at, { action: 'auth.login', details: { b: 1, a: [1, 2] } });
    const b = { ...toRecord(1, at, { action: 'auth.login', details: { a: [1, 2], b: 1 } }) };
    expect(rowHash(GENESIS_HASH, a)).toBe(rowHash(GENESIS_HASH, b));
    expect(rowHash(GENESIS_HASH, a)).toMatch(/^[0-9a-f]{64}$/);
    expect(rowHash('1'.repeat(64), a)).not.toBe(rowHash(GENESIS_HASH, a));
    expect(rowHash(GENESIS_HASH, { ...a, id: 2 })).not.toBe(rowHash(GENESIS_HASH, a));
    expect(rowHash(GENESIS_HASH, { ...a, details: { b: 2, a: [1, 2] } })).not.toBe(rowHash(GENESIS_HASH, a));
    expect(rowHash(GENESIS_HASH, { ...a, at: '2026-11-25T03:14:15.927Z' })).not.toBe(rowHash(GENESIS_HASH, a));
  });

  it('verifies an intact chain', () => {
    expect(verify(chain(50))).toBeNull();
    expect(verify([])).toBeNull();
  });

  it('names a row whose content was changed', () => {
    const rows = chain(10);
    rows[6] = { ...rows[6], actorId: 'jemand-anderes' };
    expect(verify(rows)).toEqual({ id: 7, kind: 'changed' });
  });

  it('names a row that was changed and re-hashed (the next row no longer links to it)', () => {
    const rows = chain(10);
    const forged = { ...rows[3], details: { collection: 'intakes', documents: [] } };
    const { prevHash, hash: _old, ...record } = forged;
    rows[3] = { ...forged, hash: rowHash(prevHash, record) };
    expect(verify(rows)).toEqual({ id: 4, kind: 'relinked' });
  });

  it('names a deleted row, in the middle and at the end', () => {
    const rows = chain(10);
    expect(verify([...rows.slice(0, 4), ...rows.slice(5)])).toEqual({ id: 5, kind: 'missing' });
    expect(verify(rows.slice(0, 9), { seq: 10, hash: rows[9].hash })).toEqual({ id: 10, kind: 'missing' });
  });

  it('notices a head that does not match the last row', () => {
    const rows = chain(3);
    expect(verify(rows, { seq: 3, hash: GENESIS_HASH })).toEqual({ id: 3, kind: 'head' });
  });

  it('makes strings storable in PostgreSQL (no NUL, no lone surrogate) and short', () => {
    expect(storableText('a\u0000b')).toBe('a\uFFFDb');
    expect(storableText('x\uD800y')).toBe('x\uFFFDy');
    expect(storableText('ok 😀')).toBe('ok 😀');
    expect(storableText('x'.repeat(10_000))).toHaveLength(513);
    // A record with such strings still hashes (canonical JSON refuses lone surrogates).
    expect(() =>
      rowHash(GENESIS_HASH, toRecord(1, at, { action: 'auth.login_failed', deviceId: '\uDFFF' })),
    ).not.toThrow();
  });
});
