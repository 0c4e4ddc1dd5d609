export const EMBEDDER = Symbol('Embedder');

/** Queries and documents may be embedded differently (e5's "query: " / "passage: " prefixes). */
export type EmbeddingPurpose = 'query' | 'document';

/**
 * The embeddings port: text -> unit-length dense vectors. Production uses Bedrock Titan Text
 * Embeddings V2, a local ONNX model directory also works; without one (the default) retrieval
 * is lexical only. Configured by RETRIEVAL_EMBEDDINGS.
 */
export interface Embedder {
  /** Identifies model and settings; vectors from different ids are never mixed. */
  readonly modelId: string;
  readonly dimensions: number;
  /** One L2-normalized vector per text, in order. */
  embed(texts: readonly string[], purpose: EmbeddingPurpose): Promise<Float32Array[]>;
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalizeVector(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] /= norm;
  return vector;
}
