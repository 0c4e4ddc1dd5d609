/** Terms and their ids, shared by the indexer (which interns) and the index (which looks up). */
export class TermDictionary {
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  /** The ids of these tokens, adding new terms. */
  intern(tokens: readonly string[]): Uint32Array {
    const out = new Uint32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      let id = this.ids.get(tokens[i]);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(tokens[i], id);
      }
      out[i] = id;
    }
    return out;
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  terms(): IterableIterator<string> {
    return this.ids.keys();
  }
}

/** A query term after expansion: the index term, how much it counts, and which query word it came from. */
export interface WeightedTerm {
  term: string;
  weight: number;
  /** Index of the query word this term stands for (0 ≤ source < 64), for coordination. */
  source: number;
}

/**
 * The documents a search touched, valid until the next search of the same index. Views over
 * scratch buffers, so a search allocates nothing per posting.
 */
export interface Candidates {
  count: number;
  /** Document number of candidate i. */
  docs: Int32Array;
  /** Unweighted BM25 of candidate i in field f at [i * fieldCount + f]. */
  fieldScores: Float64Array;
  /** How many distinct query words candidate i matched. */
  matchedSources: Uint8Array;
}

export interface InvertedIndexOptions {
  fieldCount: number;
  /** BM25 term-frequency saturation. */
  k1?: number;
  /** BM25 length normalization. */
  b?: number;
  /**
   * At most this many documents become candidates of one search; rarer terms are read first,
   * so when a query made only of very common words reaches the cap, the remaining postings only
   * add to documents already found. With the common-term rule (see search) this bounds work and
   * memory per search at any corpus size.
   */
  maxCandidates?: number;
}

const DEFAULT_MAX_CANDIDATES = 20_000;
const EMPTY = new Uint32Array(0);
/** A term in more documents than this (and this share of the corpus) counts as common. */
const MIN_COMMON_DF = 2000;
const COMMON_SHARE = 0.02;
const INITIAL_CAPACITY = 1 << 16;

/**
 * An in-memory inverted index with per-field BM25: term dictionary, postings in compressed
 * sparse row form (one Uint32Array of document numbers and one Uint16Array of term frequencies
 * for all terms and fields), and precomputed length norms. Built once from tokenized fields;
 * a document is a number 0..n-1 in the order given.
 *
 * Written for this service rather than taken from MiniSearch because one search must return
 * every field's BM25 separately (rerank's features): MiniSearch needs one search per field for
 * that, keeps a Map per term per field (hundreds of MB at 100,000 series) and scores through
 * callbacks; typed postings read once per query are several times faster and smaller.
 */
export class InvertedIndex {
  readonly documentCount: number;
  private readonly fieldCount: number;
  private readonly k1: number;
  private readonly maxCandidates: number;
  private readonly offsets: Uint32Array;
  private readonly postingDocs: Uint32Array;
  private readonly postingTfs: Uint16Array;
  /** k1 · (1 − b + b · len / avgLen) per document and field. */
  private readonly norms: Float32Array;
  /** Documents with a non-empty field f. */
  private readonly fieldDocs: Float64Array;

  private slotOf: Int32Array;
  private touched: Int32Array;
  private slotDocs: Int32Array;
  private slotScores: Float64Array;
  /** Bits of the query words each candidate matched: words 0–31 and 32–63. */
  private slotSourcesLow: Uint32Array;
  private slotSourcesHigh: Uint32Array;

  /**
   * @param fields per document, per field, the field's term ids in `dictionary` (token order).
   * Interning is the caller's: text that repeats across records (genre words, magazines) can
   * then be looked up once, not once per record.
   */
  constructor(
    fields: Iterable<readonly Uint32Array[]>,
    private readonly dictionary: TermDictionary,
    options: InvertedIndexOptions,
  ) {
    this.fieldCount = options.fieldCount;
    this.k1 = options.k1 ?? 1.2;
    const b = options.b ?? 0.75;
    this.maxCandidates = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
    const F = this.fieldCount;

    let pairIds: Uint32Array = new Uint32Array(INITIAL_CAPACITY);
    let pairTfs: Uint16Array = new Uint16Array(INITIAL_CAPACITY);
    let pairs = 0;
    const docEnds: number[] = [];
    const lengths: number[] = [];
    // Term frequencies of one field, counted by term id: `seen[id]` is the field's stamp when
    // the term already occurred in it. Avoids a Map per field for millions of tokens.
    let seen = new Int32Array(Math.max(INITIAL_CAPACITY, dictionary.size)).fill(-1);
    let counts: Uint32Array = new Uint32Array(seen.length);
    const fieldTerms: number[] = [];
    let stamp = 0;
    for (const docFields of fields) {
      if (dictionary.size > seen.length) {
        const grown = new Int32Array(dictionary.size * 2).fill(-1);
        grown.set(seen);
        seen = grown;
        counts = grow(counts, grown.length) as Uint32Array;
      }
      for (let f = 0; f < F; f++, stamp++) {
        const ids = docFields[f] ?? EMPTY;
        lengths.push(ids.length);
        fieldTerms.length = 0;
        for (let t = 0; t < ids.length; t++) {
          const id = ids[t];
          if (seen[id] === stamp) {
            counts[id] += 1;
          } else {
            seen[id] = stamp;
            counts[id] = 1;
            fieldTerms.push(id);
          }
        }
        if (pairs + fieldTerms.length > pairIds.length) {
          const size = Math.max(pairIds.length * 2, pairs + fieldTerms.length);
          pairIds = grow(pairIds, size) as Uint32Array;
          pairTfs = grow(pairTfs, size) as Uint16Array;
        }
        for (const id of fieldTerms) {
          pairIds[pairs] = id * F + f;
          pairTfs[pairs] = Math.min(counts[id], 0xffff);
          pairs += 1;
        }
      }
      docEnds.push(pairs);
    }
    this.documentCount = docEnds.length;

    // Counting sort of the (term, field) pairs into CSR; documents stay in increasing order.
    const slots = dictionary.size * F;
    this.offsets = new Uint32Array(slots + 1);
    for (let i = 0; i < pairs; i++) this.offsets[pairIds[i] + 1] += 1;
    for (let s = 0; s < slots; s++) this.offsets[s + 1] += this.offsets[s];
    this.postingDocs = new Uint32Array(pairs);
    this.postingTfs = new Uint16Array(pairs);
    const cursor = this.offsets.slice(0, slots);
    let start = 0;
    docEnds.forEach((end, doc) => {
      for (let i = start; i < end; i++) {
        const at = cursor[pairIds[i]]++;
        this.postingDocs[at] = doc;
        this.postingTfs[at] = pairTfs[i];
      }
      start = end;
    });

    this.fieldDocs = new Float64Array(F);
    const totalLength = new Float64Array(F);
    lengths.forEach((length, i) => {
      if (length > 0) {
        this.fieldDocs[i % F] += 1;
        totalLength[i % F] += length;
      }
    });
    this.norms = new Float32Array(lengths.length);
    lengths.forEach((length, i) => {
      const f = i % F;
      const average = this.fieldDocs[f] > 0 ? totalLength[f] / this.fieldDocs[f] : 1;
      this.norms[i] = this.k1 * (1 - b + (b * length) / average);
    });

    const initialSlots = Math.max(1, Math.min(this.documentCount, 1024));
    this.slotOf = new Int32Array(this.documentCount).fill(-1);
    this.touched = new Int32Array(initialSlots);
    this.slotDocs = new Int32Array(initialSlots);
    this.slotScores = new Float64Array(initialSlots * F);
    this.slotSourcesLow = new Uint32Array(initialSlots);
    this.slotSourcesHigh = new Uint32Array(initialSlots);
  }

  /** Every indexed term, for vocabulary-based expansion. */
  terms(): IterableIterator<string> {
    return this.dictionary.terms();
  }

  hasTerm(term: string): boolean {
    return this.dictionary.idOf(term) !== undefined;
  }

  /** Documents holding the term in any field (an upper bound when it is in several fields). */
  documentFrequency(term: string): number {
    const id = this.dictionary.idOf(term);
    if (id === undefined || id * this.fieldCount >= this.offsets.length - 1) return 0;
    const F = this.fieldCount;
    return this.offsets[(id + 1) * F] - this.offsets[id * F];
  }

  /**
   * Scores the documents holding any of the terms, per field (BM25), skipping documents
   * `accept` rejects the first time they are seen. Work is proportional to the postings of the
   * query's terms, never to the corpus.
   */
  search(terms: readonly WeightedTerm[], accept: (doc: number) => boolean): Candidates {
    const F = this.fieldCount;
    let touchedCount = 0;
    let count = 0;
    const ordered = terms
      .filter((t) => t.weight > 0 && this.documentFrequency(t.term) > 0)
      .map((t) => ({ ...t, df: this.documentFrequency(t.term) }))
      .sort((a, b) => a.df - b.df);
    const commonDf = Math.max(MIN_COMMON_DF, this.documentCount * COMMON_SHARE);
    for (const { term, weight, source, df: termDf } of ordered) {
      const id = this.dictionary.idOf(term) as number;
      const high = source >= 32;
      const bit = (1 << (source % 32)) >>> 0;
      // A very common term ("love", "school", 「まん」) once rarer terms found candidates only
      // adds to their scores (MaxScore's non-essential list): it cannot make a document relevant
      // on its own, and reading its whole posting list would cost more than the query.
      const admits = count === 0 || termDf <= commonDf;
      for (let f = 0; f < F; f++) {
        const from = this.offsets[id * F + f];
        const to = this.offsets[id * F + f + 1];
        if (from === to) continue;
        const df = to - from;
        const n = this.fieldDocs[f];
        const scale = weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (this.k1 + 1);
        const add = (slot: number, p: number, doc: number) => {
          const tf = this.postingTfs[p];
          this.slotScores[slot * F + f] += (scale * tf) / (tf + this.norms[doc * F + f]);
          if (high) this.slotSourcesHigh[slot] |= bit;
          else this.slotSourcesLow[slot] |= bit;
        };
        if (!admits && count * Math.log2(df + 1) < df) {
          // Probe each candidate with a binary search instead of reading every posting.
          for (let slot = 0; slot < count; slot++) {
            const doc = this.slotDocs[slot];
            const p = lowerBound(this.postingDocs, from, to, doc);
            if (p < to && this.postingDocs[p] === doc) add(slot, p, doc);
          }
          continue;
        }
        for (let p = from; p < to; p++) {
          const doc = this.postingDocs[p];
          let slot = this.slotOf[doc];
          if (slot === -2) continue;
          if (slot === -1) {
            if (!admits || count >= this.maxCandidates) continue;
            if (touchedCount === this.touched.length) {
              this.touched = grow(this.touched, touchedCount * 2) as Int32Array;
            }
            this.touched[touchedCount++] = doc;
            if (!accept(doc)) {
              this.slotOf[doc] = -2;
              continue;
            }
            slot = count++;
            this.ensureSlots(count);
            this.slotOf[doc] = slot;
            this.slotDocs[slot] = doc;
            this.slotSourcesLow[slot] = 0;
            this.slotSourcesHigh[slot] = 0;
            this.slotScores.fill(0, slot * F, slot * F + F);
          }
          add(slot, p, doc);
        }
      }
    }
    for (let i = 0; i < touchedCount; i++) this.slotOf[this.touched[i]] = -1;
    const matched = new Uint8Array(count);
    for (let slot = 0; slot < count; slot++) {
      matched[slot] = popcount(this.slotSourcesLow[slot]) + popcount(this.slotSourcesHigh[slot]);
    }
    return {
      count,
      docs: this.slotDocs.subarray(0, count),
      fieldScores: this.slotScores.subarray(0, count * F),
      matchedSources: matched,
    };
  }

  /** Approximate bytes held by the postings and norms, for benchmarks. */
  byteSize(): number {
    return (
      this.offsets.byteLength +
      this.postingDocs.byteLength +
      this.postingTfs.byteLength +
      this.norms.byteLength
    );
  }

  private ensureSlots(count: number): void {
    if (count <= this.slotDocs.length) return;
    const size = Math.min(this.documentCount, this.slotDocs.length * 2);
    this.slotDocs = grow(this.slotDocs, size) as Int32Array;
    this.slotSourcesLow = grow(this.slotSourcesLow, size) as Uint32Array;
    this.slotSourcesHigh = grow(this.slotSourcesHigh, size) as Uint32Array;
    this.slotScores = grow(this.slotScores, size * this.fieldCount) as Float64Array;
  }
}

/** First position in sorted docs[from, to) whose value is at least `doc`. */
function lowerBound(docs: Uint32Array, from: number, to: number, doc: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid] < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type TypedArray = Uint32Array | Uint16Array | Int32Array | Float64Array;

function grow(array: TypedArray, size: number): TypedArray {
  const next = new (array.constructor as new (length: number) => TypedArray)(Math.max(size, 1));
  next.set(array.subarray(0, Math.min(array.length, next.length)));
  return next;
}

/** Set bits of a 32-bit word (the classic SWAR count). */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
