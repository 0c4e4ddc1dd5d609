import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import {
  ChatTraceRecordedSchema,
  EntitiesSchema,
  FeedbackReason,
  FeedbackSubmittedSchema,
  Format,
  GuardrailVerdictsSchema,
  Intent,
  Locale,
  Rating,
  Route,
  ScoredDocumentSchema,
  StageLatencySchema,
} from '@mangaassist/contracts';
import type { QueueStore } from '../queue/queue-store';

const TURNS = [
  {
    locale: Locale.JA,
    userText: '呪術廻戦の次の巻はいつ発売ですか？',
    intent: Intent.RELEASE_PREORDER,
    route: Route.API,
    answer: '『呪術廻戦』第30巻は2025年5月2日発売予定です。予約受付中です。',
    comment: '発売日が違います。',
  },
  {
    locale: Locale.EN,
    userText: 'How much is One Piece volume 107?',
    intent: Intent.AVAILABILITY_PRICE,
    route: Route.API,
    answer: 'One Piece volume 107 costs ¥528 (print) and ¥499 (Kindle).',
    comment: 'The Kindle price is wrong.',
  },
  {
    locale: Locale.JA,
    userText: '鬼滅の刃に似たおすすめの漫画を教えて',
    intent: Intent.PRODUCT_SEARCH,
    route: Route.RAG,
    answer: '『呪術廻戦』『チェンソーマン』『炎炎ノ消防隊』がおすすめです。',
    comment: '',
  },
  {
    locale: Locale.EN,
    userText: 'Can I return a damaged volume?',
    intent: Intent.RETURN_REFUND,
    route: Route.TEMPLATE,
    answer: 'Yes: damaged items can be returned within 30 days of delivery.',
    comment: 'Too slow',
  },
];

const STAGES = ['guardrails_input', 'intent', 'retrieval', 'rerank', 'generation', 'total'];

/** Seeded so that a benchmark or a test sees the same queue every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SampleQueueOptions {
  items: number;
  seed?: number;
  /** Share of items rated thumbs-down. */
  negativeShare?: number;
  /** Wall clock of the first turn. */
  startMs?: number;
}

/**
 * Fills a queue store with realistic rated turns, Japanese and English, through the store's
 * own record calls (so the result is exactly what ingestion would have stored): a full trace
 * with retrieval, reranking, guardrails and latencies, then one or two ratings.
 */
export async function seedSampleQueue(
  store: QueueStore,
  options: SampleQueueOptions,
): Promise<void> {
  const next = random(options.seed ?? 7);
  const startMs = options.startMs ?? Date.UTC(2025, 3, 1, 9, 0);
  for (let i = 0; i < options.items; i++) {
    const turn = TURNS[i % TURNS.length];
    const traceId = (i + 1).toString(16).padStart(32, '0').replace(/^0/, 'b');
    const sessionId = (Math.floor(i / 3) + 1).toString(16).padStart(32, 'c');
    const at = startMs + i * 1000;
    const retrieved = Array.from({ length: 10 }, (_, k) =>
      create(ScoredDocumentSchema, {
        id: `MA-${String(((i * 7 + k * 13) % 4000) + 1).padStart(4, '0')}`,
        score: Math.fround(12 - k - next()),
      }),
    );
    await store.recordTrace(
      create(ChatTraceRecordedSchema, {
        eventId: `trace-event-${i}`,
        traceId,
        sessionId,
        locale: turn.locale,
        userText: turn.userText,
        intent: turn.intent,
        confidence: Math.fround(0.55 + next() * 0.44),
        route: turn.route,
        entities: create(EntitiesSchema, {
          titleMention: turn.locale === Locale.JA ? '呪術廻戦' : 'One Piece',
          titleIds: [retrieved[0].id],
          volume: (i % 30) + 1,
          format: i % 2 === 0 ? Format.PRINT : Format.KINDLE,
        }),
        retrieved,
        reranked: retrieved
          .slice(0, 5)
          .map((d, k) =>
            create(ScoredDocumentSchema, { id: d.id, score: Math.fround(0.95 - k * 0.1) }),
          ),
        promptVersion: 'answer-v3',
        modelId: 'local-composer-1',
        answer: turn.answer,
        citations: [retrieved[0].id, retrieved[1].id],
        guardrails: create(GuardrailVerdictsSchema, {
          inputVerdict: 'allow',
          outputVerdict: 'allow',
          groundingScore: Math.fround(0.7 + next() * 0.3),
          piiTypes: i % 10 === 0 ? ['email'] : [],
        }),
        latencies: STAGES.map((stage, k) =>
          create(StageLatencySchema, {
            stage,
            millis: stage === 'total' ? 40 + next() * 20 : 2 + k + next(),
          }),
        ),
        inputTokens: 600 + (i % 200),
        outputTokens: 80 + (i % 50),
        estimatedCostUsd: 0.0004 + (i % 10) * 0.00001,
        occurredAt: timestampFromMs(at),
      }),
    );
    const negative = next() < (options.negativeShare ?? 0.3);
    const ratings =
      i % 5 === 0
        ? [Rating.UP, negative ? Rating.DOWN : Rating.UP]
        : [negative ? Rating.DOWN : Rating.UP];
    for (const [k, rating] of ratings.entries()) {
      await store.recordFeedback(
        create(FeedbackSubmittedSchema, {
          eventId: `feedback-event-${i}-${k}`,
          traceId,
          sessionId,
          rating,
          reason: rating === Rating.DOWN ? FeedbackReason.WRONG_ANSWER : FeedbackReason.UNSPECIFIED,
          comment: rating === Rating.DOWN ? turn.comment : '',
          occurredAt: timestampFromMs(at + 5000 + k * 1000),
        }),
      );
    }
  }
}
