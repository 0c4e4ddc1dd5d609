/** A tokenizer.json "model": one pre-tokenized piece in, vocabulary ids out. */
export type SubwordModel = (piece: string) => number[];

export interface SubwordModelSpec {
  type: string;
  vocab: Record<string, number>;
  unk_token?: string | null;
  continuing_subword_prefix?: string | null;
  max_input_chars_per_word?: number;
  merges?: (string | [string, string])[];
  end_of_word_suffix?: string | null;
}

function unknownId(spec: SubwordModelSpec): number | undefined {
  if (spec.unk_token === undefined || spec.unk_token === null) return undefined;
  const id = spec.vocab[spec.unk_token];
  if (id === undefined) throw new Error(`unk_token "${spec.unk_token}" is not in the vocabulary`);
  return id;
}

/**
 * WordPiece (BERT): greedy longest-match-first over the piece, continuation pieces prefixed with
 * "##"; a piece that cannot be covered, or is too long, becomes one unknown token.
 */
function wordPiece(spec: SubwordModelSpec): SubwordModel {
  const unk = unknownId(spec);
  if (unk === undefined) throw new Error('WordPiece needs an unk_token');
  const prefix = spec.continuing_subword_prefix ?? '##';
  const maxChars = spec.max_input_chars_per_word ?? 100;
  const vocab = new Map(Object.entries(spec.vocab));
  return (piece) => {
    const chars = [...piece];
    if (chars.length > maxChars) return [unk];
    const ids: number[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let found: number | undefined;
      while (start < end) {
        const sub = (start > 0 ? prefix : '') + chars.slice(start, end).join('');
        found = vocab.get(sub);
        if (found !== undefined) break;
        end -= 1;
      }
      if (found === undefined) return [unk];
      ids.push(found);
      start = end;
    }
    return ids;
  };
}

/**
 * Byte-pair encoding (GPT-2 / RoBERTa): start from single characters and repeatedly merge the
 * adjacent pair with the best (lowest) merge rank until no listed merge applies.
 */
function bytePairEncoding(spec: SubwordModelSpec): SubwordModel {
  const unk = unknownId(spec);
  const vocab = new Map(Object.entries(spec.vocab));
  const ranks = new Map<string, number>();
  (spec.merges ?? []).forEach((merge, rank) => {
    const [left, right] = typeof merge === 'string' ? merge.split(' ') : merge;
    if (left === undefined || right === undefined) throw new Error(`bad BPE merge "${merge}"`);
    ranks.set(`${left} ${right}`, rank);
  });
  const suffix = spec.end_of_word_suffix ?? '';
  const cache = new Map<string, number[]>();
  return (piece) => {
    const cached = cache.get(piece);
    if (cached) return cached;
    const symbols = [...piece];
    if (suffix && symbols.length > 0) symbols[symbols.length - 1] += suffix;
    for (;;) {
      let bestRank = Number.POSITIVE_INFINITY;
      let bestAt = -1;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const rank = ranks.get(`${symbols[i]} ${symbols[i + 1]}`);
        if (rank !== undefined && rank < bestRank) {
          bestRank = rank;
          bestAt = i;
        }
      }
      if (bestAt < 0) break;
      symbols.splice(bestAt, 2, symbols[bestAt] + symbols[bestAt + 1]);
    }
    const ids: number[] = [];
    for (const symbol of symbols) {
      const id = vocab.get(symbol);
      if (id !== undefined) ids.push(id);
      else if (unk !== undefined) ids.push(unk);
      // Without an unk token (byte-level BPE covers every byte) an unknown symbol is dropped.
    }
    if (cache.size < 10_000) cache.set(piece, ids);
    return ids;
  };
}

export function createSubwordModel(spec: SubwordModelSpec): SubwordModel {
  switch (spec.type) {
    case 'WordPiece':
      return wordPiece(spec);
    case 'BPE':
      return bytePairEncoding(spec);
    default:
      throw new Error(`model type "${spec.type}" is not supported (WordPiece and BPE are)`);
  }
}
