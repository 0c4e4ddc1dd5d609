import type { Policy } from '@mangaassist/contracts';
import { type LocaleCode, detectLocale, normalizeText, searchTokens } from '@mangaassist/text';

/** The sentences of one policy that answer a question, verbatim, in body order. */
export interface PolicyExcerpt {
  id: string;
  title: string;
  sentences: string[];
  /** How much of the question the policy covers; compares policies, not an absolute scale. */
  relevance: number;
}

// Function words and politeness bigrams appear in every sentence and would drown the signal.
const STOP_WORDS = new Set([
  'a',
  'about',
  'an',
  'and',
  'any',
  'are',
  'at',
  'be',
  'by',
  'can',
  'do',
  'doe',
  'for',
  'from',
  'get',
  'ha',
  'has',
  'have',
  'how',
  'i',
  'if',
  'in',
  'is',
  'it',
  'many',
  'much',
  'my',
  'of',
  'on',
  'or',
  'our',
  'the',
  'their',
  'there',
  'thi',
  'to',
  'wa',
  'was',
  'we',
  'what',
  'when',
  'where',
  'which',
  'who',
  'will',
  'with',
  'you',
  'your',
  'です',
  'ます',
  'すか',
  'ませ',
  'せん',
  'ください',
  'くださ',
  'ださ',
  'さい',
  'して',
  'した',
  'ている',
  'てい',
  'いる',
  'ので',
  'のは',
  'には',
  'では',
  'ご注',
  'お客',
  'けま',
  'でき',
  'きま',
]);

/** Splits a policy body into sentences, each keeping its own punctuation. */
export function splitSentences(body: string): string[] {
  const sentences: string[] = [];
  // Japanese ends at 。！？; English at . ! ? followed by a space (so 2,000 and Inc.) stay whole).
  const pattern = /[^。！？]*?(?:[。！？]|[.!?](?=\s)|$)/gu;
  for (const match of body.matchAll(pattern)) {
    const sentence = match[0].trim();
    if (sentence !== '') sentences.push(sentence);
  }
  return sentences;
}

function contentTokens(text: string): Set<string> {
  return new Set(
    searchTokens(normalizeText(text))
      .filter((t) => t.length > 1 && !STOP_WORDS.has(t))
      // The light stemmer leaves "shipping" as "shipp" but "ship" as it is.
      .map((t) => t.replace(/([b-df-hj-np-tv-z])\1$/, '$1')),
  );
}

/**
 * Scores each sentence by the question words it shares, weighted so that words found in every
 * sentence count little. Sentences are scored in the question's language when the two bodies
 * line up sentence by sentence, so an English answer to a Japanese question still finds them.
 */
function sentenceScores(
  answerSentences: readonly string[],
  policy: Policy,
  question: string,
): number[] {
  const questionLocale = detectLocale(question);
  const questionBody = questionLocale === 'ja' ? policy.bodyJa : policy.bodyEn;
  const questionSentences = splitSentences(questionBody);
  const scored =
    questionSentences.length === answerSentences.length ? questionSentences : answerSentences;
  const wanted = contentTokens(question);
  const tokenSets = scored.map(contentTokens);
  return tokenSets.map((tokens) => {
    let score = 0;
    for (const token of wanted) {
      if (!tokens.has(token)) continue;
      const df = tokenSets.filter((set) => set.has(token)).length;
      score += Math.log(1 + tokenSets.length / df);
    }
    return score;
  });
}

export interface ExcerptOptions {
  /** At most this many sentences (at least 2 when the body has them). */
  maxSentences: number;
  /** Keep the opening sentence, which states the policy's rule, whatever its score. */
  includeOpening: boolean;
}

/**
 * The sentences of a policy that share most words with the question, in body order and
 * verbatim (numbers such as 2,000円 and 14:00 stay exactly as the store wrote them). With no
 * shared words the opening sentences, which state the rule, are used.
 */
export function policyExcerpt(
  policy: Policy,
  question: string,
  locale: LocaleCode,
  options: ExcerptOptions = { maxSentences: 3, includeOpening: false },
): PolicyExcerpt {
  const { maxSentences } = options;
  const body = locale === 'ja' ? policy.bodyJa : policy.bodyEn;
  const sentences = splitSentences(body);
  const scores = sentenceScores(sentences, policy, question);
  const ranked = options.includeOpening && sentences.length > 0 ? [0] : [];
  scores
    .map((score, index) => ({ score, index }))
    .filter((s) => s.score > 0 && !ranked.includes(s.index))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, maxSentences - ranked.length)
    .forEach((s) => ranked.push(s.index));
  const minimum = Math.min(2, sentences.length, maxSentences);
  for (let i = 0; ranked.length < minimum && i < sentences.length; i++) {
    if (!ranked.includes(i)) ranked.push(i);
  }
  const titleScore = contentTokensShared(question, `${policy.titleJa} ${policy.titleEn}`);
  return {
    id: policy.id,
    title: locale === 'ja' ? policy.titleJa : policy.titleEn,
    sentences: ranked.sort((a, b) => a - b).map((i) => sentences[i]),
    relevance: Math.max(0, ...scores) + titleScore,
  };
}

function contentTokensShared(question: string, text: string): number {
  const tokens = contentTokens(text);
  return [...contentTokens(question)].filter((t) => tokens.has(t)).length;
}
