import type { HistoryTurn } from '@mangaassist/contracts';

export const SESSION_STORE = Symbol('SESSION_STORE');

/** Conversation memory; in-process now, DynamoDB behind the same shape in production. */
export interface SessionStoreLike {
  history(sessionId: string): HistoryTurn[];
  record(sessionId: string, shopperText: string, assistantText: string): void;
}
