import { type DocumentFilter, type DocumentFacts, passesFilter } from '../document-filter';
import { topK } from '../ranking/top-k';

export interface DenseHit {
  id: string;
  /** Cosine similarity (vectors are unit length). */
  similarity: number;
}

/**
 * Exact nearest neighbours by dot product over unit vectors, in one Float32Array. Brute force
 * is exact and fast enough for the embedded catalog (300 documents: microseconds; 100,000 × 512
 * dimensions: tens of milliseconds, which is where OpenSearch's HNSW index takes over).
 */
export class DenseIndex {
  private readonly matrix: Float32Array;
  private readonly ids: string[] = [];
  private readonly facts: DocumentFacts[] = [];

  constructor(
    readonly modelId: string,
    readonly dimensions: number,
    entries: readonly { id: string; facts: DocumentFacts; vector: Float32Array }[],
  ) {
    this.matrix = new Float32Array(entries.length * dimensions);
    entries.forEach((entry, row) => {
      if (entry.vector.length !== dimensions) {
        throw new Error(
          `vector of ${entry.id} has ${entry.vector.length} dimensions, expected ${dimensions}`,
        );
      }
      this.matrix.set(entry.vector, row * dimensions);
      this.ids.push(entry.id);
      this.facts.push(entry.facts);
    });
  }

  get size(): number {
    return this.ids.length;
  }

  search(query: Float32Array, filter: DocumentFilter, limit: number): DenseHit[] {
    const d = this.dimensions;
    if (query.length !== d || this.ids.length === 0) return [];
    const similarity = (row: number) => {
      if (!passesFilter(this.facts[row], filter)) return 0;
      let dot = 0;
      for (let i = 0, at = row * d; i < d; i++, at++) dot += this.matrix[at] * query[i];
      return dot;
    };
    const scores = new Float64Array(this.ids.length);
    for (let row = 0; row < this.ids.length; row++) scores[row] = similarity(row);
    return topK(this.ids.length, (row) => scores[row], limit).map((row) => ({
      id: this.ids[row],
      similarity: scores[row],
    }));
  }
}
