import type { DescEnum } from '@bufbuild/protobuf';
import {
  FormatSchema,
  IntentSchema,
  LocaleSchema,
  type RerankRequest,
} from '@mangaassist/contracts';
import { invalidArgument } from '@mangaassist/grpc';
import type { RerankCandidate, RerankQuery } from './reranker';

export const MAX_QUERY_CHARS = 2000;
export const MAX_CANDIDATES = 200;
export const DEFAULT_TOP_N = 5;
export const MAX_TOP_N = 50;
export const MAX_TITLE_IDS = 50;

/** A validated rerank request. */
export interface RerankPlan {
  query: RerankQuery;
  candidates: RerankCandidate[];
  topN: number;
}

/** Validates a RerankRequest; every problem is an INVALID_ARGUMENT naming the field. */
export function parseRerankRequest(request: RerankRequest): RerankPlan {
  const chars = [...request.query].length;
  if (request.query.trim() === '') throw invalidArgument('query: must not be empty');
  if (chars > MAX_QUERY_CHARS) {
    throw invalidArgument(`query: must be at most ${MAX_QUERY_CHARS} characters (got ${chars})`);
  }
  if (request.candidates.length > MAX_CANDIDATES) {
    throw invalidArgument(
      `candidates: at most ${MAX_CANDIDATES} candidates (got ${request.candidates.length})`,
    );
  }
  if (request.topN > MAX_TOP_N) {
    throw invalidArgument(`top_n: must be 0 to ${MAX_TOP_N} (got ${request.topN})`);
  }
  checkEnum('locale', LocaleSchema, request.locale);
  checkEnum('intent', IntentSchema, request.intent);
  const entities = request.entities;
  if (entities) checkEnum('entities.format', FormatSchema, entities.format);
  const titleIds = [...new Set(entities?.titleIds ?? [])];
  if (titleIds.length > MAX_TITLE_IDS) {
    throw invalidArgument(`entities.title_ids: at most ${MAX_TITLE_IDS} ids`);
  }
  request.candidates.forEach((hit, i) => {
    if (!hit.document?.content.case) {
      throw invalidArgument(
        `candidates[${i}].document: must hold the item or policy retrieval returned`,
      );
    }
  });
  return {
    query: {
      text: request.query,
      intent: request.intent,
      titleIds,
      volume: entities?.volume ?? 0,
      format: entities?.format ?? 0,
    },
    candidates: request.candidates.map((hit, i) => ({ hit, retrievalRank: i + 1 })),
    topN: request.topN === 0 ? DEFAULT_TOP_N : request.topN,
  };
}

function checkEnum(field: string, schema: DescEnum, value: number): void {
  if (!schema.values.some((v) => v.number === value)) {
    throw invalidArgument(`${field}: unknown enum value ${value}`);
  }
}
