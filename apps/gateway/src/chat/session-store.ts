import { type HistoryTurn, Role } from '@mangaassist/contracts';
import { create } from '@bufbuild/protobuf';
import { HistoryTurnSchema } from '@mangaassist/contracts';

interface Session {
  history: HistoryTurn[];
  lastSeen: number;
}

/**
 * Short per-session history in memory: the last N lines, PII-redacted, bounded in sessions
 * (least recently used evicted) and in age. A restart forgets it, which is acceptable for a
 * few turns of context; the DynamoDB adapter is where durable memory belongs.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly maxTurns: number,
    private readonly ttlMs: number,
    private readonly maxSessions: number,
    private readonly now: () => number = Date.now,
  ) {}

  history(sessionId: string): HistoryTurn[] {
    const session = this.sessions.get(sessionId);
    if (!session) return [];
    if (this.now() - session.lastSeen > this.ttlMs) {
      this.sessions.delete(sessionId);
      return [];
    }
    return [...session.history];
  }

  record(sessionId: string, shopperText: string, assistantText: string): void {
    const session = this.sessions.get(sessionId) ?? { history: [], lastSeen: 0 };
    session.history.push(
      create(HistoryTurnSchema, { role: Role.SHOPPER, text: shopperText }),
      create(HistoryTurnSchema, { role: Role.ASSISTANT, text: assistantText }),
    );
    if (session.history.length > this.maxTurns) {
      session.history.splice(0, session.history.length - this.maxTurns);
    }
    session.lastSeen = this.now();
    // Re-inserting moves the session to the end of the Map's order: oldest use comes first.
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, session);
    while (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
  }

  get size(): number {
    return this.sessions.size;
  }
}
