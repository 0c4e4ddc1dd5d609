/** How the launcher starts and checks each service of the stack. */
export interface ServiceSpec {
  name: string;
  /** Compiled entry point, relative to the repo root. */
  entry: string;
  /** Env var holding the service's own port. */
  portVar: string;
  defaultPort: number;
  /** Env var other services use to reach it (host:port), if any. */
  addrVar?: string;
  health: 'grpc' | 'http';
}

export const SERVICES: readonly ServiceSpec[] = [
  {
    name: 'guardrails',
    entry: 'dist/apps/guardrails/src/main.js',
    portVar: 'GUARDRAILS_PORT',
    defaultPort: 50055,
    addrVar: 'GUARDRAILS_ADDR',
    health: 'grpc',
  },
  {
    name: 'intent',
    entry: 'dist/apps/intent/src/main.js',
    portVar: 'INTENT_PORT',
    defaultPort: 50051,
    addrVar: 'INTENT_ADDR',
    health: 'grpc',
  },
  {
    name: 'retrieval',
    entry: 'dist/apps/retrieval/src/main.js',
    portVar: 'RETRIEVAL_PORT',
    defaultPort: 50052,
    addrVar: 'RETRIEVAL_ADDR',
    health: 'grpc',
  },
  {
    name: 'rerank',
    entry: 'dist/apps/rerank/src/main.js',
    portVar: 'RERANK_PORT',
    defaultPort: 50053,
    addrVar: 'RERANK_ADDR',
    health: 'grpc',
  },
  {
    name: 'generation',
    entry: 'dist/apps/generation/src/main.js',
    portVar: 'GENERATION_PORT',
    defaultPort: 50054,
    addrVar: 'GENERATION_ADDR',
    health: 'grpc',
  },
  {
    name: 'feedback',
    entry: 'dist/apps/feedback/src/main.js',
    portVar: 'FEEDBACK_PORT',
    defaultPort: 50056,
    addrVar: 'FEEDBACK_ADDR',
    health: 'grpc',
  },
  {
    name: 'retraining-queue',
    entry: 'dist/apps/retraining-queue/src/main.js',
    portVar: 'RETRAINING_QUEUE_PORT',
    defaultPort: 50057,
    addrVar: 'RETRAINING_QUEUE_ADDR',
    health: 'grpc',
  },
  {
    name: 'gateway',
    entry: 'dist/apps/gateway/src/main.js',
    portVar: 'GATEWAY_PORT',
    defaultPort: 8080,
    health: 'http',
  },
];
