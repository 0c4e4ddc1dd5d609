export interface ChatRequest {
  message: string;
  sessionId?: string;
  locale?: 'ja' | 'en';
}

export interface CitationView {
  id: string;
  title: string;
}

export interface TurnFinal {
  type: 'final';
  traceId: string;
  sessionId: string;
  intent: string;
  route: string;
  locale: 'ja' | 'en';
  answer: string;
  citations: CitationView[];
  /** True when guardrails replaced the streamed answer: show `answer`, not the deltas. */
  replaced: boolean;
}

export interface TurnDelta {
  type: 'delta';
  text: string;
}

export interface TurnError {
  type: 'error';
  code: 'upstream_unavailable' | 'invalid_request' | 'generation_failed' | 'internal';
  message: string;
  traceId: string;
  sessionId: string;
}

export type TurnEvent = TurnDelta | TurnFinal | TurnError;
