import { create } from '@bufbuild/protobuf';
import {
  RerankService as RerankServiceDesc,
  type RerankRequest,
  type RerankResponse,
  RerankResponseSchema,
} from '@mangaassist/contracts';
import type { GrpcServiceImplementation } from '@mangaassist/grpc';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { parseRerankRequest } from './rerank-request';
import { RerankService } from './rerank.service';

@Controller()
export class RerankGrpcController implements GrpcServiceImplementation<typeof RerankServiceDesc> {
  constructor(@Inject(RerankService) private readonly reranking: RerankService) {}

  @GrpcMethod('RerankService', 'Rerank')
  async rerank(request: RerankRequest): Promise<RerankResponse> {
    const result = await this.reranking.rerank(parseRerankRequest(request));
    return create(RerankResponseSchema, {
      results: result.results.map((r) => ({
        hit: r.hit,
        score: r.score,
        retrievalRank: r.retrievalRank,
      })),
      modelVersion: result.modelVersion,
    });
  }
}
