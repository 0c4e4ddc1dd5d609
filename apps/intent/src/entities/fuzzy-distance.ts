const INFINITE = Number.POSITIVE_INFINITY;
// Reusable rows: this runs for thousands of word windows per long message.
let row0 = new Float64Array(64);
let row1 = new Float64Array(64);
let row2 = new Float64Array(64);

function isVowel(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117;
}

/**
 * Damerau-Levenshtein distance where swapping one vowel for another costs half: shoppers hear
 * titles and spell the vowels as they sound ("one peace", "naruta"), while a changed consonant
 * usually means another word. Only the diagonal band a result within `limit` can use is
 * computed; anything farther returns Infinity.
 */
export function weightedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return INFINITE;
  const band = Math.ceil(limit);
  const width = b.length + 1;
  if (row0.length < width) {
    row0 = new Float64Array(width * 2);
    row1 = new Float64Array(width * 2);
    row2 = new Float64Array(width * 2);
  }
  let before = row0;
  let previous = row1;
  let current = row2;
  for (let j = 0; j < width; j++) previous[j] = j <= band ? j : INFINITE;
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - band);
    const high = Math.min(b.length, i + band);
    current.fill(INFINITE, 0, width);
    if (i <= band) current[0] = i;
    const x = a.charCodeAt(i - 1);
    let rowMin = i <= band ? i : INFINITE;
    for (let j = low; j <= high; j++) {
      const y = b.charCodeAt(j - 1);
      const substitution = x === y ? 0 : isVowel(x) && isVowel(y) ? 0.5 : 1;
      let cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution);
      if (i > 1 && j > 1 && x !== y && x === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === y) {
        cost = Math.min(cost, before[j - 2] + 1);
      }
      current[j] = cost;
      if (cost < rowMin) rowMin = cost;
    }
    // Costs never decrease down the band, except through a transposition reaching back two rows.
    if (rowMin > limit && previousMin > limit) return INFINITE;
    previousMin = rowMin;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[b.length];
  return distance <= limit ? distance : INFINITE;
}
