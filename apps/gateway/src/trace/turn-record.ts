import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import {
  type ChatTraceRecorded,
  ChatTraceRecordedSchema,
  type CheckInputResponse,
  type CheckOutputResponse,
  type ClassifyResponse,
  type Final,
  type GuardrailVerdicts,
  GuardrailVerdictsSchema,
  type Hit,
  Locale,
  type RankedHit,
  ScoredDocumentSchema,
  StageLatencySchema,
  VerdictSchema,
  enumValueName,
} from '@mangaassist/contracts';

/** Everything one turn learned, collected as it runs and turned into its trace event. */
export class TurnRecord {
  locale = Locale.UNSPECIFIED;
  private readonly startedAt = performance.now();
  private readonly event: ChatTraceRecorded;
  private readonly verdicts: GuardrailVerdicts = create(GuardrailVerdictsSchema);

  constructor(
    readonly traceId: string,
    readonly sessionId: string,
    readonly traceparent: string,
  ) {
    this.event = create(ChatTraceRecordedSchema, { traceId });
  }

  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.latency(stage, performance.now() - started);
    }
  }

  latency(stage: string, millis: number): void {
    this.event.latencies.push(
      create(StageLatencySchema, { stage, millis: Math.round(millis * 1000) / 1000 }),
    );
  }

  input(check: CheckInputResponse): void {
    this.event.userText = check.redactedText;
    this.verdicts.inputVerdict = enumValueName(VerdictSchema, check.verdict);
    this.verdicts.inputReasons = [...check.reasons];
    this.verdicts.piiTypes = [...new Set(check.pii.map((p) => p.type))];
  }

  classified(result: ClassifyResponse): void {
    this.event.intent = result.intent;
    this.event.confidence = result.confidence;
    this.event.route = result.route;
    this.event.entities = result.entities;
  }

  retrieved(hits: Hit[]): void {
    this.event.retrieved = hits.map((h) =>
      create(ScoredDocumentSchema, { id: h.id, score: h.score }),
    );
  }

  reranked(results: RankedHit[]): void {
    this.event.reranked = results.map((r) =>
      create(ScoredDocumentSchema, { id: r.hit?.id ?? '', score: r.score }),
    );
  }

  generated(final: Final): void {
    this.event.modelId = final.modelId;
    this.event.promptVersion = final.promptVersion;
    this.event.inputTokens = final.inputTokens;
    this.event.outputTokens = final.outputTokens;
    this.event.estimatedCostUsd = final.estimatedCostUsd;
  }

  output(check: CheckOutputResponse): void {
    this.verdicts.outputVerdict = enumValueName(VerdictSchema, check.verdict);
    this.verdicts.outputReasons = [...check.reasons];
    this.verdicts.groundingScore = check.groundingScore;
  }

  answered(answer: string, citationIds: string[]): void {
    this.event.answer = answer;
    this.event.citations = citationIds;
  }

  failed(stage: string, message: string): void {
    this.event.error = `${stage}: ${message}`;
  }

  /** The trace event; `pseudonymousSessionId` replaces the shopper's own session id. */
  toEvent(eventId: string, pseudonymousSessionId: string): ChatTraceRecorded {
    this.latency('total', performance.now() - this.startedAt);
    return create(ChatTraceRecordedSchema, {
      ...this.event,
      eventId,
      sessionId: pseudonymousSessionId,
      locale: this.locale,
      guardrails: this.verdicts,
      occurredAt: timestampNow(),
    });
  }
}
