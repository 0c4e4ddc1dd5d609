import type { ItemCursor } from './queue-store';

const TRACE_ID = /^[0-9a-f]{32}$/;
const MAX_TOKEN_LENGTH = 200;

/**
 * Page tokens are opaque to callers: base64url of the last item's (updated_at, trace_id), so
 * a listing resumes exactly after it however many items were added meanwhile.
 */
export function encodePageToken(cursor: ItemCursor): string {
  return Buffer.from(JSON.stringify([cursor.updatedAtMs, cursor.traceId]), 'utf8').toString(
    'base64url',
  );
}

/** The cursor in a token, or undefined when the token is not one this service issued. */
export function decodePageToken(token: string): ItemCursor | undefined {
  if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
  const [updatedAtMs, traceId] = parsed as unknown[];
  if (typeof updatedAtMs !== 'number' || !Number.isSafeInteger(updatedAtMs) || updatedAtMs < 0) {
    return undefined;
  }
  if (typeof traceId !== 'string' || !TRACE_ID.test(traceId)) return undefined;
  return { updatedAtMs, traceId };
}
