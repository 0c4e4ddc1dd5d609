import SearchableMap from 'minisearch/SearchableMap';
import { allowsPrefix, fuzzyEdits } from '../analysis/text-analyzer';

/** An index term a query term reaches, and how much a match on it counts (exact = 1). */
export interface TermExpansion {
  source: string;
  weight: number;
}

const PREFIX_WEIGHT = 0.4;
const FUZZY_WEIGHT = 0.45;
/** The closest few variants carry the meaning; the long tail is noise and cost. */
const MAX_VARIANTS_PER_TERM = 8;
const LATIN_WORD = /^[a-z]+$/;

/**
 * Prefix and typo expansion of Latin query terms over the Latin part of the vocabulary only.
 * Kept apart from the main index because a fuzzy walk of a tree holding thousands of CJK
 * bigrams costs milliseconds per term, while this tree answers in microseconds; expanding once
 * per query also lets every per-field search reuse the same exact terms.
 */
export class TermExpander {
  private readonly vocabulary = new SearchableMap<true>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      if (LATIN_WORD.test(term)) this.vocabulary.set(term, true);
    }
  }

  /** Every index term the query terms reach, exact terms included at weight 1. */
  expand(terms: readonly string[]): Map<string, TermExpansion> {
    const expanded = new Map<string, TermExpansion>();
    const add = (term: string, source: string, weight: number) => {
      const seen = expanded.get(term);
      if (!seen || weight > seen.weight) expanded.set(term, { source, weight });
    };
    for (const term of terms) add(term, term, 1);
    for (const term of terms) {
      const variants = new Map<string, number>();
      if (allowsPrefix(term)) {
        for (const [candidate] of this.vocabulary.atPrefix(term)) {
          const extra = candidate.length - term.length;
          if (extra > 0) {
            variants.set(
              candidate,
              (PREFIX_WEIGHT * candidate.length) / (candidate.length + 0.3 * extra),
            );
          }
        }
      }
      const edits = fuzzyEdits(term, this.vocabulary.has(term));
      if (edits > 0) {
        for (const [candidate, [, distance]] of this.vocabulary.fuzzyGet(term, edits)) {
          if (distance === 0 || variants.has(candidate)) continue;
          // Typos seldom hit the first letter; two edits anywhere would reach unrelated words.
          if (distance > 1 && candidate[0] !== term[0]) continue;
          variants.set(
            candidate,
            (FUZZY_WEIGHT * candidate.length) / (candidate.length + distance),
          );
        }
      }
      [...variants.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, MAX_VARIANTS_PER_TERM)
        .forEach(([candidate, weight]) => add(candidate, term, weight));
    }
    return expanded;
  }
}
