import { normalizeText } from './normalize';

// "like X", "similar to X", "if you liked X", "I loved X, what next" - but not "I'd like",
// "would like to" or "I like X a lot", which ask for X itself.
const SIMILAR_EN =
  /\b(?:similar\s+to|such\s+as|reminds?\s+me\s+of|fans?\s+of|alternatives?\s+to|more\s+like|if\s+(?:i|you)\s+(?:liked?|loved?|enjoyed?)|(?:i|we)\s+(?:liked|loved|enjoyed|really\s+liked|really\s+loved)|(?<!\b(?:i|we|you|they|would|'d|d)\s+)like(?!\s+to\b))\b/;
// 「Xみたいな」「Xっぽい」「Xに似た」「Xのような」「Xが好きなら/好きな人」「X系の」, but not
// 「読みたい」「読んでみたい」 (want to read).
const SIMILAR_JA =
  /(?<![読見込てで])みたい|っぽい|に似|のような|好きなら|好きな人|好きだった|系の/u;

/**
 * Whether a question asks for series *like* one it names ("something like One Piece",
 * 「ワンピースみたいな」): then the named series is a reference, not the answer. Retrieval
 * lifts the reference's similar series; rerank has it as a feature.
 */
export function asksForSimilar(text: string): boolean {
  const normalized = normalizeText(text).toLowerCase();
  return SIMILAR_EN.test(normalized) || SIMILAR_JA.test(normalized);
}
