import { InvertedIndex, TermDictionary, type WeightedTerm } from './inverted-index';

// Two fields: 0 = title, 1 = body.
const docs: string[][][] = [
  [
    ['one', 'piece'],
    ['pirate', 'adventure', 'sea'],
  ],
  [
    ['one', 'punch', 'man'],
    ['hero', 'one', 'punch'],
  ],
  [['monster'], ['doctor', 'pursuit']],
  [[], ['sea', 'sea', 'sea', 'story']],
];
const term = (t: string, source = 0, weight = 1): WeightedTerm => ({ term: t, weight, source });

/** An index over token lists, interning as the search index adapter does. */
function indexOf(documents: string[][][], options: { maxCandidates?: number } = {}): InvertedIndex {
  const dictionary = new TermDictionary();
  const fields = documents.map((doc) => doc.map((tokens) => dictionary.intern(tokens)));
  return new InvertedIndex(fields, dictionary, { fieldCount: 2, ...options });
}

describe('InvertedIndex', () => {
  const index = indexOf(docs);
  const all = () => true;

  it('scores each field with BM25 and reports matched query words', () => {
    const found = index.search([term('one', 0), term('piece', 1)], all);
    const byDoc = new Map(Array.from(found.docs, (doc, i) => [doc, i]));
    expect([...byDoc.keys()].sort()).toEqual([0, 1]);
    const piece = byDoc.get(0) as number;
    const punch = byDoc.get(1) as number;
    expect(found.matchedSources[piece]).toBe(2);
    expect(found.matchedSources[punch]).toBe(1);
    // "one" is in both titles; in document 1 also in the body.
    expect(found.fieldScores[piece * 2]).toBeGreaterThan(0);
    expect(found.fieldScores[piece * 2 + 1]).toBe(0);
    expect(found.fieldScores[punch * 2 + 1]).toBeGreaterThan(0);
  });

  it('gives more weight to a rarer term and saturates repeated ones', () => {
    const sea = index.search([term('sea')], all);
    const scores = new Map(Array.from(sea.docs, (doc, i) => [doc, sea.fieldScores[i * 2 + 1]]));
    // Three times "sea" in a longer body beats once, but by far less than three times.
    expect(scores.get(3)).toBeGreaterThan(scores.get(0) as number);
    expect(scores.get(3)).toBeLessThan(3 * (scores.get(0) as number));
  });

  it('skips documents the filter rejects, and unknown terms', () => {
    const found = index.search([term('one'), term('nothing-like-this')], (doc) => doc !== 0);
    expect(Array.from(found.docs)).toEqual([1]);
    expect(index.search([term('nothing')], all).count).toBe(0);
  });

  it('stops admitting documents at maxCandidates, reading rarer terms first', () => {
    const capped = indexOf(docs, { maxCandidates: 1 });
    const found = capped.search([term('sea', 0), term('monster', 1)], all);
    // "monster" (1 document) is read before "sea" (2) and fills the single slot.
    expect(Array.from(found.docs)).toEqual([2]);
  });

  it('answers the same whether a common term is read in full or probed per candidate', () => {
    // 3,000 documents, "common" in all of them, "rare" in every hundredth.
    const many = Array.from({ length: 3000 }, (_, i) => [
      i % 100 === 0 ? ['rare', 'common'] : ['common'],
      [],
    ]);
    const big = indexOf(many);
    const found = big.search([term('rare', 0), term('common', 1)], all);
    expect(found.count).toBe(30);
    for (let i = 0; i < found.count; i++) expect(found.matchedSources[i]).toBe(2);
    // Alone, the common term still finds every document (up to the cap).
    expect(big.search([term('common')], all).count).toBe(3000);
  });

  it('is reusable: a second search starts from a clean slate', () => {
    index.search([term('one')], all);
    const second = index.search([term('monster')], all);
    expect(Array.from(second.docs)).toEqual([2]);
    expect(second.fieldScores[0]).toBeGreaterThan(0);
  });
});
