import { ApiError } from '../http/errors';
import { parseCheckpoint, parseLimit } from './pull';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof ApiError ? `${err.status} ${err.code}` : 'other';
  }
  return 'none';
};

describe('checkpoint and limit parameters', () => {
  it('accepts exactly what the server hands out', () => {
    expect(parseCheckpoint(undefined)).toBeNull();
    expect(parseCheckpoint('null')).toBeNull();
    expect(parseCheckpoint(JSON.stringify({ seq: 0 }))).toEqual({ seq: 0 });
    expect(parseCheckpoint(JSON.stringify({ seq: 123456789 }))).toEqual({ seq: 123456789 });
  });

  it.each([
    '{',
    '[]',
    '"x"',
    '42',
    '{"seq":-1}',
    '{"seq":1.5}',
    '{"seq":"3"}',
    '{"seq":1,"x":2}',
    '{}',
    '{"seq":1e300}',
  ])('refuses checkpoint %s with 400 invalid_checkpoint', (text) =>
    expect(codeOf(() => parseCheckpoint(text))).toBe('400 invalid_checkpoint'),
  );

  it('defaults the limit to 100 and accepts 1..1000', () => {
    expect(parseLimit(undefined)).toBe(100);
    expect(parseLimit('1')).toBe(1);
    expect(parseLimit('1000')).toBe(1000);
  });

  it.each(['0', '1001', '-5', '2.5', 'abc', '', '1e3', '99999'])('refuses limit %s with 400 invalid_limit', (text) =>
    expect(codeOf(() => parseLimit(text))).toBe('400 invalid_limit'),
  );
});
