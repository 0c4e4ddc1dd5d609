import { createHash } from 'node:crypto';
import { toBinary } from '@bufbuild/protobuf';
import { type Document, DocumentSchema } from '@mangaassist/contracts';
import MiniSearch from 'minisearch';
import {
  FIELD_BOOSTS,
  type IndexedFields,
  SEARCH_FIELDS,
  type SearchField,
  documentFields,
} from '../analysis/index-fields';
import { ANALYZER_VERSION, analyze, queryTerms } from '../analysis/text-analyzer';
import {
  type DocumentFacts,
  type DocumentFilter,
  documentFacts,
  passesFilter,
} from '../document-filter';
import type { IndexHit, IndexQuery, SearchIndex } from '../search-index';
import { TermExpander } from './term-expander';

interface Corpus {
  engine: MiniSearch<IndexedFields>;
  expander: TermExpander;
  documents: Map<string, Document>;
  facts: Map<string, DocumentFacts>;
  version: string;
}

interface Accumulator {
  fieldScores: Partial<Record<SearchField, number>>;
  sources: Set<string>;
}

/**
 * The embedded search index: BM25 over the analyzed fields, in process (MiniSearch).
 *
 * A search runs once per field with the expanded query terms, so each hit carries its
 * per-field scores for rerank. The score is Σ boost(field) × bm25(field), times the number of
 * distinct query terms matched (the coordination MiniSearch applies itself, recomputed here so
 * that "peace" and its variant "piece" count as one term). Filters run inside the scoring loop
 * (a failing document scores 0 and is skipped), so a filtered search touches only the postings
 * of the query terms, never the whole corpus.
 */
export class MiniSearchIndex implements SearchIndex {
  private corpus: Corpus = build([]);

  async replaceAll(documents: readonly Document[]): Promise<void> {
    this.corpus = build(documents);
  }

  async search(query: IndexQuery): Promise<IndexHit[]> {
    const terms = queryTerms(query.text);
    if (terms.length === 0 || query.limit <= 0) return [];
    const { engine, expander, documents, facts } = this.corpus;
    const expanded = expander.expand(terms);
    const text = [...expanded.keys()].join(' ');
    const keep = (id: string) => {
      const fact = facts.get(id);
      return fact !== undefined && passesFilter(fact, query.filter);
    };

    const hits = new Map<string, Accumulator>();
    for (const field of SEARCH_FIELDS) {
      const results = engine.search(text, {
        fields: [field],
        combineWith: 'OR',
        prefix: false,
        fuzzy: false,
        tokenize: (t) => t.split(' '),
        processTerm: (t) => t,
        boostTerm: (term) => expanded.get(term)?.weight ?? 1,
        boostDocument: (id: string) => (keep(id) ? 1 : 0),
      });
      for (const result of results) {
        const id = String(result.id);
        const entry = hits.get(id) ?? { fieldScores: {}, sources: new Set<string>() };
        // MiniSearch multiplies by the number of matched terms; undo it to get the field's BM25.
        entry.fieldScores[field] = result.score / Math.max(1, result.queryTerms.length);
        for (const term of result.queryTerms) entry.sources.add(expanded.get(term)?.source ?? term);
        hits.set(id, entry);
      }
    }

    const ranked: IndexHit[] = [];
    for (const [id, { fieldScores, sources }] of hits) {
      const document = documents.get(id);
      const fact = facts.get(id);
      if (!document || !fact) continue;
      let lexical = 0;
      for (const field of SEARCH_FIELDS) lexical += FIELD_BOOSTS[field] * (fieldScores[field] ?? 0);
      const score = lexical * sources.size * query.kindWeights[fact.kind];
      if (score > 0) ranked.push({ id, score, document, fieldScores });
    }
    ranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return ranked.slice(0, query.limit);
  }

  async fetch(ids: readonly string[], filter: DocumentFilter): Promise<Document[]> {
    const { documents, facts } = this.corpus;
    const found: Document[] = [];
    for (const id of new Set(ids)) {
      const fact = facts.get(id);
      const document = documents.get(id);
      if (fact && document && passesFilter(fact, filter)) found.push(document);
    }
    return found;
  }

  version(): string {
    return this.corpus.version;
  }

  size(): number {
    return this.corpus.documents.size;
  }
}

function build(documents: readonly Document[]): Corpus {
  const vocabulary = new Set<string>();
  const engine = new MiniSearch<IndexedFields>({
    fields: [...SEARCH_FIELDS],
    idField: 'id',
    tokenize: (text) => {
      const terms = analyze(text);
      for (const term of terms) vocabulary.add(term);
      return terms;
    },
    processTerm: (term) => term,
  });
  const byId = new Map<string, Document>();
  const facts = new Map<string, DocumentFacts>();
  const hash = createHash('sha256').update(ANALYZER_VERSION).update(JSON.stringify(FIELD_BOOSTS));
  for (const document of documents) {
    const fields = documentFields(document);
    const fact = documentFacts(document);
    // The first record of an id wins; the store loader reports later duplicates as errors.
    if (!fields || !fact || byId.has(fields.id)) continue;
    byId.set(fields.id, document);
    facts.set(fields.id, fact);
    engine.add(fields);
    hash.update(toBinary(DocumentSchema, document));
  }
  return {
    engine,
    expander: new TermExpander(vocabulary),
    documents: byId,
    facts,
    version: `minisearch-${ANALYZER_VERSION}-${hash.digest('hex').slice(0, 16)}`,
  };
}
