import type { DescService } from '@bufbuild/protobuf';
import {
  FeedbackService,
  GenerationService,
  GuardrailsService,
  IntentService,
  RerankService,
  RetrievalService,
} from '@mangaassist/contracts';
import {
  type GrpcClientHandle,
  type HealthClient,
  createGrpcClient,
  createHealthClient,
  isServing,
} from '@mangaassist/grpc';
import type { GatewayConfig } from '../app/gateway.config';

export const UPSTREAMS = Symbol('UPSTREAMS');

/** Typed clients for every service the gateway calls; all calls carry a deadline. */
export class Upstreams {
  readonly intent: GrpcClientHandle<typeof IntentService>;
  readonly retrieval: GrpcClientHandle<typeof RetrievalService>;
  readonly rerank: GrpcClientHandle<typeof RerankService>;
  readonly generation: GrpcClientHandle<typeof GenerationService>;
  readonly guardrails: GrpcClientHandle<typeof GuardrailsService>;
  readonly feedback: GrpcClientHandle<typeof FeedbackService>;
  private readonly healthChecks: { name: string; address: string; client: HealthClient }[];

  constructor(config: GatewayConfig) {
    const client = <S extends DescService>(service: S, address: string, deadlineMs: number) =>
      createGrpcClient(service, { address, defaultDeadlineMs: deadlineMs });
    const deadline = config.UPSTREAM_DEADLINE_MS;
    this.intent = client(IntentService, config.INTENT_ADDR, deadline);
    this.retrieval = client(RetrievalService, config.RETRIEVAL_ADDR, deadline);
    this.rerank = client(RerankService, config.RERANK_ADDR, deadline);
    this.generation = client(
      GenerationService,
      config.GENERATION_ADDR,
      config.GENERATION_DEADLINE_MS,
    );
    this.guardrails = client(GuardrailsService, config.GUARDRAILS_ADDR, deadline);
    this.feedback = client(FeedbackService, config.FEEDBACK_ADDR, deadline);
    this.healthChecks = [
      { name: 'intent', address: config.INTENT_ADDR },
      { name: 'retrieval', address: config.RETRIEVAL_ADDR },
      { name: 'rerank', address: config.RERANK_ADDR },
      { name: 'generation', address: config.GENERATION_ADDR },
      { name: 'guardrails', address: config.GUARDRAILS_ADDR },
      { name: 'feedback', address: config.FEEDBACK_ADDR },
    ].map((upstream) => ({ ...upstream, client: createHealthClient(upstream.address, 1000) }));
  }

  /** grpc.health.v1 status of every upstream; the gateway is ready only when all are SERVING. */
  async health(): Promise<{ name: string; address: string; serving: boolean }[]> {
    return Promise.all(
      this.healthChecks.map(async ({ name, address, client }) => ({
        name,
        address,
        serving: await isServing(client),
      })),
    );
  }

  close(): void {
    for (const handle of [
      this.intent,
      this.retrieval,
      this.rerank,
      this.generation,
      this.guardrails,
      this.feedback,
    ]) {
      handle.close();
    }
    for (const check of this.healthChecks) check.client.close();
  }
}
