import { createHmac } from 'node:crypto';

/**
 * The session id that leaves the gateway in events: a keyed hash, so data scientists can group
 * a session's turns and feedback without ever seeing the shopper's own session id. Every
 * producer must use the same key (SESSION_PSEUDONYM_KEY) for traces and feedback to join.
 */
export function pseudonymizeSessionId(key: string, sessionId: string): string {
  return createHmac('sha256', key).update(sessionId, 'utf8').digest('hex').slice(0, 32);
}

/** The key used when none is configured; fine for local runs, refused by the Helm chart. */
export const DEVELOPMENT_PSEUDONYM_KEY = 'mangaassist-local-development-only';
