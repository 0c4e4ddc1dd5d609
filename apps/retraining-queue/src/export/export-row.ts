import type { DescEnum } from '@bufbuild/protobuf';
import { type Timestamp, timestampMs } from '@bufbuild/protobuf/wkt';
import {
  type ChatTraceRecorded,
  type Entities,
  FeedbackReasonSchema,
  type FeedbackSubmitted,
  FormatSchema,
  IntentSchema,
  LocaleSchema,
  type QueueItem,
  Rating,
  RatingSchema,
  RouteSchema,
  type ScoredDocument,
} from '@mangaassist/contracts';

/** A document id with a stage's score (retrieved and reranked lists). */
export interface ExportScoredDocument {
  id: string;
  score: number;
}

export interface ExportEntities {
  title_mention: string;
  title_ids: string[];
  volume: number;
  order_id: string;
  format: string;
  max_price_jpy: number;
}

export interface ExportGuardrails {
  input_verdict: string;
  input_reasons: string[];
  output_verdict: string;
  output_reasons: string[];
  grounding_score: number;
  pii_types: string[];
}

export interface ExportFeedback {
  event_id: string;
  session_id: string;
  rating: string;
  reason: string;
  /** The shopper's comment, PII-redacted by the feedback service before publishing. */
  comment: string;
  /** ISO 8601 UTC, or null when the event carried no time. */
  occurred_at: string | null;
}

/**
 * One exported queue item: a rated turn with its whole trace and every rating. The same
 * columns in JSON Lines and Parquet (docs/data-contract.md); trace columns are null while
 * only feedback has arrived, so "no trace yet" never looks like "retrieved nothing".
 */
export interface ExportRow {
  trace_id: string;
  updated_at: string;
  negative: boolean;
  feedback_count: number;
  has_trace: boolean;
  trace_event_id: string | null;
  session_id: string | null;
  occurred_at: string | null;
  locale: string | null;
  user_text: string | null;
  intent: string | null;
  confidence: number | null;
  route: string | null;
  entities: ExportEntities | null;
  retrieved: ExportScoredDocument[] | null;
  reranked: ExportScoredDocument[] | null;
  prompt_version: string | null;
  model_id: string | null;
  answer: string | null;
  citations: string[] | null;
  input_verdict: string | null;
  output_verdict: string | null;
  grounding_score: number | null;
  guardrails: ExportGuardrails | null;
  latencies_ms: Record<string, number> | null;
  total_latency_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  estimated_cost_usd: number | null;
  error: string | null;
  feedback: ExportFeedback[];
}

/** The position of a row in the queue's listing order, for resuming after it. */
export function rowCursor(row: ExportRow): { updatedAtMs: number; traceId: string } {
  return { updatedAtMs: Date.parse(row.updated_at), traceId: row.trace_id };
}

export function toExportRow(item: QueueItem): ExportRow {
  if (!item.updatedAt) throw new Error(`queue item ${item.traceId} has no updated_at`);
  const trace = item.trace;
  return {
    trace_id: item.traceId,
    updated_at: isoTime(item.updatedAt),
    negative: item.feedback.some((f) => f.rating === Rating.DOWN),
    feedback_count: item.feedback.length,
    has_trace: trace !== undefined,
    ...(trace ? traceColumns(trace) : NO_TRACE),
    feedback: item.feedback.map(feedbackEntry),
  };
}

type TraceColumns = Omit<
  ExportRow,
  'trace_id' | 'updated_at' | 'negative' | 'feedback_count' | 'has_trace' | 'feedback'
>;

const NO_TRACE: TraceColumns = {
  trace_event_id: null,
  session_id: null,
  occurred_at: null,
  locale: null,
  user_text: null,
  intent: null,
  confidence: null,
  route: null,
  entities: null,
  retrieved: null,
  reranked: null,
  prompt_version: null,
  model_id: null,
  answer: null,
  citations: null,
  input_verdict: null,
  output_verdict: null,
  grounding_score: null,
  guardrails: null,
  latencies_ms: null,
  total_latency_ms: null,
  input_tokens: null,
  output_tokens: null,
  estimated_cost_usd: null,
  error: null,
};

function traceColumns(trace: ChatTraceRecorded): TraceColumns {
  const latencies: Record<string, number> = {};
  for (const latency of trace.latencies) latencies[latency.stage] = latency.millis;
  const guardrails = trace.guardrails;
  return {
    trace_event_id: trace.eventId,
    session_id: trace.sessionId,
    occurred_at: trace.occurredAt ? isoTime(trace.occurredAt) : null,
    locale: enumLabel(LocaleSchema, trace.locale),
    user_text: trace.userText,
    intent: enumLabel(IntentSchema, trace.intent),
    confidence: float32(trace.confidence),
    route: enumLabel(RouteSchema, trace.route),
    entities: trace.entities ? entities(trace.entities) : null,
    retrieved: trace.retrieved.map(scored),
    reranked: trace.reranked.map(scored),
    prompt_version: trace.promptVersion,
    model_id: trace.modelId,
    answer: trace.answer,
    citations: [...trace.citations],
    input_verdict: guardrails?.inputVerdict ?? '',
    output_verdict: guardrails?.outputVerdict ?? '',
    grounding_score: float32(guardrails?.groundingScore ?? 0),
    guardrails: {
      input_verdict: guardrails?.inputVerdict ?? '',
      input_reasons: [...(guardrails?.inputReasons ?? [])],
      output_verdict: guardrails?.outputVerdict ?? '',
      output_reasons: [...(guardrails?.outputReasons ?? [])],
      grounding_score: float32(guardrails?.groundingScore ?? 0),
      pii_types: [...(guardrails?.piiTypes ?? [])],
    },
    latencies_ms: latencies,
    total_latency_ms: latencies['total'] ?? null,
    input_tokens: trace.inputTokens,
    output_tokens: trace.outputTokens,
    estimated_cost_usd: trace.estimatedCostUsd,
    error: trace.error,
  };
}

function feedbackEntry(feedback: FeedbackSubmitted): ExportFeedback {
  return {
    event_id: feedback.eventId,
    session_id: feedback.sessionId,
    rating: enumLabel(RatingSchema, feedback.rating),
    reason: enumLabel(FeedbackReasonSchema, feedback.reason),
    comment: feedback.comment,
    occurred_at: feedback.occurredAt ? isoTime(feedback.occurredAt) : null,
  };
}

function entities(e: Entities): ExportEntities {
  return {
    title_mention: e.titleMention,
    title_ids: [...e.titleIds],
    volume: e.volume,
    order_id: e.orderId,
    format: enumLabel(FormatSchema, e.format),
    max_price_jpy: e.maxPriceJpy,
  };
}

function scored(doc: ScoredDocument): ExportScoredDocument {
  return { id: doc.id, score: float32(doc.score) };
}

/**
 * The short lowercase name the gateway and the docs use (INTENT_PRODUCT_SEARCH ->
 * "product_search"). A value added by a newer producer keeps its number rather than turning
 * into "unspecified", so nothing is silently relabelled.
 */
export function enumLabel(enumDesc: DescEnum, value: number): string {
  const found = enumDesc.values.find((v) => v.number === value);
  return found ? found.localName.toLowerCase() : String(value);
}

/**
 * The shortest decimal that reads back as the same float32, so a confidence of 0.93 is
 * written as 0.93 and not as the widened double 0.9300000071525879.
 */
export function float32(value: number): number {
  if (!Number.isFinite(value)) return value;
  // A float32 lies within 6e-8 (relative) of its shortest form, far closer than six-digit
  // decimals are spaced, so rounding to six digits already yields any shorter form.
  for (let digits = 6; digits <= 9; digits++) {
    const shortest = Number(value.toPrecision(digits));
    if (Math.fround(shortest) === Math.fround(value)) return shortest;
  }
  return value;
}

function isoTime(timestamp: Timestamp): string {
  return new Date(timestampMs(timestamp)).toISOString();
}
