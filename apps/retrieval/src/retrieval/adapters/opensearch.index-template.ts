import { createHash } from 'node:crypto';
import { SEARCH_FIELDS } from '../analysis/index-fields';
import { INDEX_ANALYZER, QUERY_ANALYZER, analysisSettings } from './opensearch.analysis';

/** Bumped when the mapping or the settings change in a way the hash below would not show. */
export const TEMPLATE_VERSION = 1;

/** Concrete indices are `<alias>.gen-<...>`; the template matches exactly those. */
export const GENERATION_SEPARATOR = '.gen-';

export const EMBEDDING_FIELD = 'embedding';

export interface VectorSettings {
  dimensions: number;
}

/**
 * The index template of one alias: the analysis of opensearch.analysis.ts on the same fields
 * the embedded index searches, the facts filters read as keywords and numbers, the document
 * itself as protobuf bytes (so a hit needs no second store), and an HNSW vector field (Lucene
 * engine: the Faiss and nmslib engines need native libraries a plain install may lack) when
 * documents carry embeddings.
 */
export function indexTemplate(alias: string, vectors: VectorSettings | undefined) {
  const text = { type: 'text', analyzer: INDEX_ANALYZER, search_analyzer: QUERY_ANALYZER };
  const keyword = { type: 'keyword' };
  const properties: Record<string, unknown> = {
    doc_id: keyword,
    kind: keyword,
    ...Object.fromEntries(
      SEARCH_FIELDS.map((field) => [field, { ...text, index_options: 'freqs' }]),
    ),
    demographic: keyword,
    status: keyword,
    formats: keyword,
    in_stock: { type: 'boolean' },
    age_rank: { type: 'integer' },
    price_print: { type: 'integer' },
    price_kindle: { type: 'integer' },
    price_min: { type: 'integer' },
    topic: keyword,
    content_hash: { type: 'keyword', index: false, doc_values: false },
    document: { type: 'binary' },
  };
  if (vectors) {
    properties[EMBEDDING_FIELD] = {
      type: 'knn_vector',
      dimension: vectors.dimensions,
      method: {
        name: 'hnsw',
        engine: 'lucene',
        space_type: 'cosinesimil',
        parameters: { m: 16, ef_construction: 128 },
      },
    };
  }
  const template = {
    settings: {
      index: {
        // One shard keeps BM25 statistics corpus-wide; a catalog fits one shard many times over.
        number_of_shards: 1,
        // A replica where there is a second node, none on a single node (green, not yellow).
        auto_expand_replicas: '0-1',
        ...(vectors ? { knn: true } : {}),
      },
      analysis: analysisSettings(),
    },
    mappings: {
      dynamic: 'strict',
      // Vectors live in the HNSW graph already; keeping them in _source only doubles the disk.
      _source: { excludes: [EMBEDDING_FIELD] },
      properties,
    },
  };
  return {
    index_patterns: [`${alias}${GENERATION_SEPARATOR}*`],
    priority: 100,
    version: TEMPLATE_VERSION,
    template,
    _meta: { managed_by: 'mangaassist-retrieval', fingerprint: fingerprint(template) },
  };
}

export type IndexTemplate = ReturnType<typeof indexTemplate>;

/** A short hash of the template body: part of every corpus version, so analysis changes show. */
function fingerprint(template: object): string {
  return createHash('sha256')
    .update(`${TEMPLATE_VERSION}:${JSON.stringify(template)}`)
    .digest('hex')
    .slice(0, 12);
}
