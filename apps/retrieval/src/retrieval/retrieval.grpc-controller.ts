import {
  RetrievalService as RetrievalServiceDesc,
  type SearchRequest,
  type SearchResponse,
  SearchResponseSchema,
} from '@mangaassist/contracts';
import type { GrpcServiceImplementation } from '@mangaassist/grpc';
import { create } from '@bufbuild/protobuf';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { RetrievalService } from './retrieval.service';
import { parseSearchRequest } from './search-request';

@Controller()
export class RetrievalGrpcController implements GrpcServiceImplementation<
  typeof RetrievalServiceDesc
> {
  constructor(@Inject(RetrievalService) private readonly retrieval: RetrievalService) {}

  @GrpcMethod('RetrievalService', 'Search')
  async search(request: SearchRequest): Promise<SearchResponse> {
    const result = await this.retrieval.search(parseSearchRequest(request));
    return create(SearchResponseSchema, {
      hits: result.hits.map((hit) => ({
        id: hit.id,
        score: hit.score,
        document: hit.document,
        fieldScores: hit.fieldScores,
      })),
      indexVersion: result.indexVersion,
      emptyReason: result.emptyReason ?? '',
    });
  }
}
