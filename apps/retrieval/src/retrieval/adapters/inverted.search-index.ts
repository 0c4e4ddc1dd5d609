import { createHash } from 'node:crypto';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { type Document, DocumentSchema } from '@mangaassist/contracts';
import { documentId } from '@mangaassist/store-data';
import {
  BLOCK,
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
import { topK } from '../ranking/top-k';
import type { IndexHit, IndexQuery, SearchIndex, UpsertResult } from '../search-index';
import { InvertedIndex, TermDictionary, type WeightedTerm } from './inverted-index';
import { TermExpander } from './term-expander';

interface Corpus {
  index: InvertedIndex;
  expander: TermExpander;
  /** Ids sorted; a document's number in the index is its position here. */
  ids: string[];
  /**
   * Each document as protobuf bytes, decoded only for the hits a search returns: 100,000
   * decoded series would hold ~10× the memory and make every garbage collection scan them.
   */
  encoded: Uint8Array[];
  facts: DocumentFacts[];
  numberOf: Map<string, number>;
  version: string;
}

const F = SEARCH_FIELDS.length;
const BOOSTS = SEARCH_FIELDS.map((field) => FIELD_BOOSTS[field]);
/**
 * Fields whose parts (BLOCK-separated: one genre's words, one theme, one author, a magazine
 * and publisher) repeat across a catalog: each distinct part is analyzed and interned once.
 * Titles and synopses are unique per record and go straight through.
 */
const REPEATING_FIELDS: ReadonlySet<SearchField> = new Set([
  'author',
  'publisher',
  'genre_theme',
  'policy_topic',
]);
const MAX_CACHED_BLOCKS = 200_000;

/**
 * The embedded search index: per-field BM25 over the analyzed fields (InvertedIndex), in
 * process. A hit's score is Σ boost(field) × bm25(field), times the number of distinct query
 * words it matched (coordination: "peace" and its variant "piece" count as one word), times the
 * kind weight. Filters run when a document is first met in the postings, so a filtered search
 * reads only the postings of the query's terms, never the whole corpus.
 */
export class InvertedSearchIndex implements SearchIndex {
  private corpus: Corpus = build([]);

  async replaceAll(documents: readonly Document[]): Promise<void> {
    this.corpus = build(documents);
  }

  async upsert(documents: readonly Document[]): Promise<UpsertResult> {
    const { ids, encoded } = this.corpus;
    const merged = new Map<string, Uint8Array>(ids.map((id, i) => [id, encoded[i]]));
    const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
    for (const document of documents) {
      const id = documentId(document);
      if (!id) continue;
      const bytes = toBinary(DocumentSchema, document);
      const before = merged.get(id);
      if (!before) result.inserted += 1;
      else if (Buffer.compare(before, bytes) === 0) result.unchanged += 1;
      else result.updated += 1;
      merged.set(id, bytes);
    }
    if (result.inserted + result.updated > 0) {
      this.corpus = build([...merged.values()].map((bytes) => fromBinary(DocumentSchema, bytes)));
    }
    return result;
  }

  async search(query: IndexQuery): Promise<IndexHit[]> {
    const terms = queryTerms(query.text);
    if (terms.length === 0 || query.limit <= 0) return [];
    const { index, expander, ids, encoded, facts } = this.corpus;
    const sourceNumber = new Map(terms.map((term, i) => [term, i]));
    const weighted: WeightedTerm[] = [];
    for (const [term, { source, weight }] of expander.expand(terms)) {
      weighted.push({ term, weight, source: sourceNumber.get(source) ?? 0 });
    }
    const candidates = index.search(weighted, (doc) => passesFilter(facts[doc], query.filter));
    const scoreOf = (i: number) => {
      let lexical = 0;
      for (let f = 0; f < F; f++) lexical += BOOSTS[f] * candidates.fieldScores[i * F + f];
      const fact = facts[candidates.docs[i]];
      return lexical * candidates.matchedSources[i] * query.kindWeights[fact.kind];
    };
    // Documents are numbered in id order, so ties go to the lower id, as everywhere here.
    const best = topK(candidates.count, scoreOf, query.limit, (i) => candidates.docs[i]);
    return best.map((i) => {
      const doc = candidates.docs[i];
      const fieldScores: Partial<Record<SearchField, number>> = {};
      SEARCH_FIELDS.forEach((field, f) => {
        const value = candidates.fieldScores[i * F + f];
        if (value > 0) fieldScores[field] = value;
      });
      // Decoded on first use: the service reads the documents of the hits it returns (top_k),
      // not of the whole candidate pool, and decoding allocates several KB per series.
      let decoded: Document | undefined;
      return {
        id: ids[doc],
        score: scoreOf(i),
        get document(): Document {
          decoded ??= fromBinary(DocumentSchema, encoded[doc]);
          return decoded;
        },
        fieldScores,
      };
    });
  }

  async fetch(ids: readonly string[], filter: DocumentFilter): Promise<Document[]> {
    const { encoded, facts, numberOf } = this.corpus;
    const found: Document[] = [];
    for (const id of new Set(ids)) {
      const doc = numberOf.get(id);
      if (doc !== undefined && passesFilter(facts[doc], filter)) {
        found.push(fromBinary(DocumentSchema, encoded[doc]));
      }
    }
    return found;
  }

  version(): string {
    return this.corpus.version;
  }

  size(): number {
    return this.corpus.ids.length;
  }

  /** Bytes of the postings, for the benchmark. */
  postingsBytes(): number {
    return this.corpus.index.byteSize();
  }
}

function build(input: readonly Document[]): Corpus {
  // The first record of an id wins; the store loader reports later duplicates as errors.
  const byId = new Map<
    string,
    { document: Document; fields: IndexedFields; facts: DocumentFacts }
  >();
  for (const document of input) {
    const fields = documentFields(document);
    const facts = documentFacts(document);
    if (!fields || !facts || !fields.id || byId.has(fields.id)) continue;
    byId.set(fields.id, { document, fields, facts });
  }
  const entries = [...byId.values()].sort((a, b) =>
    a.fields.id < b.fields.id ? -1 : a.fields.id > b.fields.id ? 1 : 0,
  );
  const dictionary = new TermDictionary();
  const cache = new Map<string, Uint32Array>();
  const termIds = (field: SearchField, text: string): Uint32Array => {
    if (!REPEATING_FIELDS.has(field)) return dictionary.intern(analyze(text));
    const parts: Uint32Array[] = [];
    let length = 0;
    for (const block of text.split(BLOCK)) {
      let ids = cache.get(block);
      if (!ids) {
        if (cache.size >= MAX_CACHED_BLOCKS) cache.clear();
        ids = dictionary.intern(analyze(block));
        cache.set(block, ids);
      }
      parts.push(ids);
      length += ids.length;
    }
    if (parts.length === 1) return parts[0];
    const out = new Uint32Array(length);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  };
  const index = new InvertedIndex(
    (function* () {
      for (const { fields } of entries) {
        yield SEARCH_FIELDS.map((field) => termIds(field, fields[field]));
      }
    })(),
    dictionary,
    { fieldCount: F },
  );
  const hash = createHash('sha256').update(ANALYZER_VERSION).update(JSON.stringify(FIELD_BOOSTS));
  const encoded = entries.map(({ document }) => {
    const bytes = toBinary(DocumentSchema, document);
    hash.update(bytes);
    return bytes;
  });
  return {
    index,
    expander: new TermExpander(index.terms()),
    ids: entries.map((e) => e.fields.id),
    encoded,
    facts: entries.map((e) => e.facts),
    numberOf: new Map(entries.map((e, i) => [e.fields.id, i])),
    version: `inverted-${ANALYZER_VERSION}-${hash.digest('hex').slice(0, 16)}`,
  };
}
