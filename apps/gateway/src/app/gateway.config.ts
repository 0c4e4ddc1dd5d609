import { DEVELOPMENT_PSEUDONYM_KEY, eventBusConfigShape } from '@mangaassist/event-bus';
import { address, logFormat, millis, parseConfig, port } from '@mangaassist/config';
import { z } from 'zod';

const gatewaySchema = z.object({
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_PORT: port(8080),
  INTENT_ADDR: address('127.0.0.1:50051'),
  RETRIEVAL_ADDR: address('127.0.0.1:50052'),
  RERANK_ADDR: address('127.0.0.1:50053'),
  GENERATION_ADDR: address('127.0.0.1:50054'),
  GUARDRAILS_ADDR: address('127.0.0.1:50055'),
  FEEDBACK_ADDR: address('127.0.0.1:50056'),
  /** Deadline of each unary upstream call. */
  UPSTREAM_DEADLINE_MS: millis(2000),
  /** Deadline of the whole generation stream (an LLM answer can take seconds). */
  GENERATION_DEADLINE_MS: millis(20000),
  SESSION_PSEUDONYM_KEY: z.string().min(16).default(DEVELOPMENT_PSEUDONYM_KEY),
  /** Earlier turns (shopper + assistant lines) kept per session and sent to generation. */
  SESSION_HISTORY_TURNS: z.coerce.number().int().min(0).max(50).default(6),
  SESSION_TTL_MS: millis(30 * 60 * 1000),
  /** Sessions kept in memory at most; the least recently used goes first. */
  SESSION_MAX: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
  /** Trace events waiting to be written at most; beyond that the oldest are counted as dropped. */
  TRACE_BUFFER_MAX: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  LOG_FORMAT: logFormat(),
  // Trace events are spilled on the event loop that serves chat turns: an fsync per spill
  // would slow every turn while the broker is away, so the outbox survives a gateway crash
  // (SIGKILL, OOM) but not a power loss unless EVENT_OUTBOX_SYNC=full.
  ...eventBusConfigShape('gateway', { outboxSync: 'normal' }),
});

export type GatewayConfig = z.infer<typeof gatewaySchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return parseConfig('gateway', gatewaySchema, env);
}
