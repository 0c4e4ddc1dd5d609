import { create } from '@bufbuild/protobuf';
import { status } from '@grpc/grpc-js';
import {
  type CheckOutputResponse,
  type ClassifyResponse,
  type Document,
  EntitiesSchema,
  FinishReason,
  Intent,
  IntentSchema,
  Locale,
  type RankedHit,
  Route,
  RouteSchema,
  type SearchResponse,
  Verdict,
  enumValueName,
} from '@mangaassist/contracts';
import { isGrpcError } from '@mangaassist/grpc';
import { planRetrieval } from '@mangaassist/store-data';
import { type LocaleCode, detectLocale } from '@mangaassist/text';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UPSTREAMS, type Upstreams } from '../upstream/upstream-clients';
import { TRACE_RECORDER, type TraceRecorder } from '../trace/trace-recorder';
import { newTraceContext } from '../trace/trace-context';
import { TurnRecord } from '../trace/turn-record';
import type { ChatRequest, TurnEvent, TurnFinal } from './chat-turn.types';
import { safeReply } from './safe-replies';
import { SESSION_STORE, type SessionStoreLike } from './session-store.token';

const LOCALE_OF: Record<LocaleCode, Locale> = { ja: Locale.JA, en: Locale.EN };

/** Thrown inside a turn to end it with a shopper-facing error frame. */
class TurnFailure extends Error {
  constructor(
    readonly stage: string,
    readonly code: 'upstream_unavailable' | 'invalid_request' | 'generation_failed' | 'internal',
    message: string,
  ) {
    super(message);
  }
}

/**
 * One chat turn, as DESIGN.md draws it: input guardrails -> intent -> (retrieval -> rerank ->
 * evidence redaction) -> streamed generation -> output guardrails, then the trace event off the hot path. It
 * yields deltas as generation streams them and ends with exactly one final or error event.
 */
@Injectable()
export class ChatTurnService {
  private readonly logger = new Logger(ChatTurnService.name);

  constructor(
    @Inject(UPSTREAMS) private readonly upstreams: Upstreams,
    @Inject(SESSION_STORE) private readonly sessions: SessionStoreLike,
    @Inject(TRACE_RECORDER) private readonly traces: TraceRecorder,
  ) {}

  async *run(request: ChatRequest, signal?: AbortSignal): AsyncGenerator<TurnEvent> {
    const trace = newTraceContext();
    const sessionId = request.sessionId ?? randomUUID();
    const record = new TurnRecord(trace.traceId, sessionId, trace.traceparent);
    const call = { metadata: { traceparent: trace.traceparent }, signal };
    let locale: LocaleCode = request.locale ?? detectLocale(request.message);
    record.locale = LOCALE_OF[locale];

    try {
      const input = await record.time('guardrails_input', () =>
        this.stage(
          'guardrails_input',
          this.upstreams.guardrails.rpc.checkInput(
            { text: request.message, locale: record.locale },
            call,
          ),
        ),
      );
      record.input(input);
      if (input.verdict === Verdict.BLOCK) {
        yield* this.finish(record, this.blockedFinal(record, locale, 'inputBlocked'));
        return;
      }

      const classified = await record.time('intent', () =>
        this.stage(
          'intent',
          this.upstreams.intent.rpc.classify(
            { text: input.redactedText, locale: record.locale },
            call,
          ),
        ),
      );
      if (!request.locale && classified.locale !== Locale.UNSPECIFIED) {
        locale = classified.locale === Locale.JA ? 'ja' : 'en';
        record.locale = classified.locale;
      }
      record.classified(classified);

      const evidence = await this.retrieve(input.redactedText, classified, record, call);
      let answer = '';
      let citations: TurnFinal['citations'] = [];
      const stream = this.upstreams.generation.rpc.generate(
        {
          question: input.redactedText,
          locale: record.locale,
          intent: classified.intent,
          route: classified.route,
          entities: classified.entities,
          evidence,
          history: this.sessions.history(sessionId),
          traceId: trace.traceId,
          signedIn: false,
        },
        call,
      );
      const generationStarted = performance.now();
      try {
        for await (const event of stream) {
          if (event.event.case === 'delta') {
            yield { type: 'delta', text: event.event.value.text };
          } else if (event.event.case === 'final') {
            const final = event.event.value;
            record.generated(final);
            if (final.finishReason === FinishReason.ERROR) {
              throw new TurnFailure(
                'generation',
                'generation_failed',
                final.errorMessage || 'generation failed',
              );
            }
            answer = final.answer;
            citations = final.citations.map((c) => ({ id: c.id, title: c.title }));
          }
        }
      } catch (error) {
        throw this.asFailure('generation', error);
      } finally {
        record.latency('generation', performance.now() - generationStarted);
      }
      if (!answer)
        throw new TurnFailure(
          'generation',
          'generation_failed',
          'generation ended without a final answer',
        );

      const output = await record.time('guardrails_output', () =>
        this.stage(
          'guardrails_output',
          this.upstreams.guardrails.rpc.checkOutput(
            { answer, evidence, locale: record.locale, question: input.redactedText },
            call,
          ),
        ),
      );
      record.output(output);
      const final = this.checkedFinal(record, locale, classified, answer, citations, output);
      yield* this.finish(record, final, input.redactedText);
    } catch (error) {
      const failure = this.asFailure('turn', error);
      record.failed(failure.stage, failure.message);
      this.logger.warn(`turn ${trace.traceId} failed at ${failure.stage}: ${failure.message}`);
      this.traces.record(record);
      yield {
        type: 'error',
        code: failure.code,
        message:
          failure.code === 'invalid_request'
            ? failure.message
            : safeReply(
                failure.code === 'generation_failed' ? 'generationFailed' : 'unavailable',
                locale,
              ),
        traceId: trace.traceId,
        sessionId,
      };
    }
  }

  private async retrieve(
    query: string,
    classified: ClassifyResponse,
    record: TurnRecord,
    call: { metadata: Record<string, string>; signal?: AbortSignal },
  ): Promise<Document[]> {
    const plan = planRetrieval(classified.intent, classified.route, classified.entities);
    if (!plan) return [];
    const entities = classified.entities ?? create(EntitiesSchema);
    const found: SearchResponse = await record.time('retrieval', () =>
      this.stage(
        'retrieval',
        this.upstreams.retrieval.rpc.search(
          {
            query,
            locale: record.locale,
            intent: classified.intent,
            entities,
            filters: { kind: plan.kind, policyTopics: plan.policyTopics },
            topK: plan.topK,
          },
          call,
        ),
      ),
    );
    record.retrieved(found.hits);
    if (found.hits.length === 0) return [];
    const reranked = await record.time('rerank', () =>
      this.stage(
        'rerank',
        this.upstreams.rerank.rpc.rerank(
          {
            query,
            locale: record.locale,
            intent: classified.intent,
            entities,
            candidates: found.hits,
            topN: plan.evidence,
          },
          call,
        ),
      ),
    );
    record.reranked(reranked.results);
    const documents = reranked.results
      .map((r: RankedHit) => r.hit?.document)
      .filter((d): d is Document => d !== undefined);
    if (documents.length === 0) return [];
    // Store text is written by people (reviews, synopses, policy pages) and can carry a name or
    // a phone number; the LLM, the output check and the trace only ever see the cleaned copy.
    const cleaned = await record.time('guardrails_documents', () =>
      this.stage(
        'guardrails_documents',
        this.upstreams.guardrails.rpc.redactDocuments({ documents }, call),
      ),
    );
    return cleaned.documents;
  }

  private checkedFinal(
    record: TurnRecord,
    locale: LocaleCode,
    classified: ClassifyResponse,
    answer: string,
    citations: TurnFinal['citations'],
    output: CheckOutputResponse,
  ): TurnFinal {
    const base = this.finalBase(record, locale, classified.intent, classified.route);
    if (output.verdict === Verdict.BLOCK) {
      return { ...base, answer: safeReply('outputBlocked', locale), citations: [], replaced: true };
    }
    // Only a PII redaction changes what the shopper sees; the check's own normalization of
    // the text (width, punctuation) is not a reason to replace the streamed answer.
    const redacted =
      output.reasons.includes('output.pii') && output.redactedAnswer
        ? output.redactedAnswer
        : answer;
    return { ...base, answer: redacted, citations, replaced: redacted !== answer };
  }

  private blockedFinal(record: TurnRecord, locale: LocaleCode, kind: 'inputBlocked'): TurnFinal {
    return {
      ...this.finalBase(record, locale, Intent.UNSPECIFIED, Route.TEMPLATE),
      answer: safeReply(kind, locale),
      citations: [],
      replaced: false,
    };
  }

  private finalBase(record: TurnRecord, locale: LocaleCode, intent: Intent, route: Route) {
    return {
      type: 'final' as const,
      traceId: record.traceId,
      sessionId: record.sessionId,
      intent: intent === Intent.UNSPECIFIED ? 'blocked' : enumValueName(IntentSchema, intent),
      route: enumValueName(RouteSchema, route),
      locale,
    };
  }

  private *finish(
    record: TurnRecord,
    final: TurnFinal,
    redactedQuestion?: string,
  ): Generator<TurnEvent> {
    record.answered(
      final.answer,
      final.citations.map((c) => c.id),
    );
    if (redactedQuestion !== undefined)
      this.sessions.record(final.sessionId, redactedQuestion, final.answer);
    this.traces.record(record);
    yield final;
  }

  /** Awaits an upstream call, turning its gRPC error into a TurnFailure for that stage. */
  private async stage<T>(stage: string, call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      throw this.asFailure(stage, error);
    }
  }

  private asFailure(stage: string, error: unknown): TurnFailure {
    if (error instanceof TurnFailure) return error;
    if (isGrpcError(error, status.INVALID_ARGUMENT)) {
      return new TurnFailure(stage, 'invalid_request', error.details || error.message);
    }
    if (isGrpcError(error)) {
      return new TurnFailure(stage, 'upstream_unavailable', `${stage}: ${error.message}`);
    }
    return new TurnFailure(
      stage,
      'internal',
      `${stage}: ${(error as Error).message ?? String(error)}`,
    );
  }
}
