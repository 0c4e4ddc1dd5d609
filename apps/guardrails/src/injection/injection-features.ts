import {
  FNV_OFFSET,
  fnvHash,
  fnvStep,
  slot,
  SlotCollector,
  type SparseVector,
} from './feature-hashing';

/** The classifier reads at most this many characters of a message and of each payload. */
export const MAX_CLASSIFIED_CHARS = 2_000;

// Namespaces keep features of different kinds apart in the shared hashed space.
const NS = { char: 1, word: 2, pair: 3, payloadChar: 4, payloadWord: 5, shape: 6 } as const;
// Words: Latin words, and for Japanese the runs of one script (指示 / を / 無視 / して), which
// approximate words without a dictionary at a fraction of the cost of Intl.Segmenter.
const WORD = /[a-z0-9']+|[\p{Script=Han}々]+|[\p{Script=Katakana}ー]+|\p{Script=Hiragana}+/gu;
const PAIR_WINDOW = 3;
const collector = new SlotCollector();

/** What the classifier looks at: the de-obfuscated message and any decoded hidden payloads. */
export interface ClassifierInput {
  /** The message, look-alikes folded, spaced letters joined, leetspeak folded, lowercased. */
  text: string;
  /** Text decoded from base64/hex runs, tag characters, ROT13 or reversed writing. */
  payloads: readonly string[];
}

/**
 * Character 2-4-grams (every script: they carry Japanese without a tokenizer and survive
 * typos), words and word pairs up to three apart ("ignore ... instructions", "指示 ... 無視"),
 * the same for decoded payloads under their own namespace, and a length bucket. Binary
 * presence, L2-normalized.
 */
export function injectionFeatures(input: ClassifierInput): SparseVector {
  addText(input.text.slice(0, MAX_CLASSIFIED_CHARS), NS.char, NS.word, NS.pair);
  for (const payload of input.payloads.slice(0, 8)) {
    addText(payload.slice(0, MAX_CLASSIFIED_CHARS), NS.payloadChar, NS.payloadWord, NS.payloadWord);
  }
  if (input.payloads.length > 0) collector.add(slot(fnvHash('payload', NS.shape)));
  const lengthBucket = Math.min(12, Math.floor(Math.log2(1 + input.text.length)));
  collector.add(slot(fnvHash(`len:${lengthBucket}`, NS.shape)));
  return collector.vector();
}

function addText(text: string, charNs: number, wordNs: number, pairNs: number): void {
  const padded = ` ${text} `;
  const start = fnvStep(FNV_OFFSET, charNs);
  for (let i = 0; i < padded.length - 1; i++) {
    // Rolling: the hash of the 2-gram extends to the 3-gram and the 4-gram at the same start.
    let hash = fnvStep(start, padded.charCodeAt(i));
    for (let n = 2; n <= 4 && i + n <= padded.length; n++) {
      hash = fnvStep(hash, padded.charCodeAt(i + n - 1));
      collector.add(slot(hash));
    }
  }
  const words: number[] = [];
  for (const [word] of text.matchAll(WORD)) {
    const hash = fnvHash(word, wordNs);
    collector.add(slot(hash));
    for (let j = Math.max(0, words.length - PAIR_WINDOW); j < words.length; j++) {
      collector.add(slot(fnvStep(fnvStep(words[j], pairNs), hash)));
    }
    words.push(hash);
  }
}
