import { decodePageToken, encodePageToken } from './page-token';

const CURSOR = {
  updatedAtMs: Date.UTC(2025, 3, 1, 10, 0),
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
};

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('page tokens', () => {
  it('round-trip a cursor through an opaque URL-safe string', () => {
    const token = encodePageToken(CURSOR);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain(CURSOR.traceId);
    expect(decodePageToken(token)).toEqual(CURSOR);
  });

  it.each([
    ['random text', 'not a token!'],
    ['Japanese text', '次のページ'],
    ['base64 of something else', base64url('hello')],
    ['base64 of an object', base64url('{"u":1,"t":"x"}')],
    ['a negative time', base64url(JSON.stringify([-1, CURSOR.traceId]))],
    ['a fractional time', base64url(JSON.stringify([1.5, CURSOR.traceId]))],
    ['a bad trace id', base64url(JSON.stringify([1, 'XYZ']))],
    ['an extra element', base64url(JSON.stringify([1, CURSOR.traceId, 3]))],
    ['a huge token', 'A'.repeat(10_000)],
  ])('refuses %s', (_name, token) => {
    expect(decodePageToken(token)).toBeUndefined();
  });
});
