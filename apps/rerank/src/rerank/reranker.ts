import type { Format, Hit, Intent } from '@mangaassist/contracts';

export const RERANKER = Symbol('Reranker');

/** What a reranker knows about the question. */
export interface RerankQuery {
  text: string;
  intent: Intent;
  /** Entity title ids, best first. */
  titleIds: readonly string[];
  /** The volume asked about, 0 for none. */
  volume: number;
  format: Format;
}

/** One retrieval hit with its 1-based rank in the retrieval response. */
export interface RerankCandidate {
  hit: Hit;
  retrievalRank: number;
}

/**
 * The reranker port. The embedded adapter is a linear model over hand-built features; a
 * cross-encoder (ONNX model dir) implements the same port later.
 */
export interface Reranker {
  /** Identifies the model, for RerankResponse.model_version. */
  modelVersion(): string;
  /** One score per candidate, in the order given; higher is better. */
  score(query: RerankQuery, candidates: readonly RerankCandidate[]): Promise<number[]>;
}
