import type { CatalogItem } from '@mangaassist/contracts';
import { type LocaleCode, stemEnglish, wordTokens } from '@mangaassist/text';
import { AnswerBuilder, type ComposedAnswer } from './composed-answer';
import type { ComposeInput } from './compose-input';
import { ItemFacts } from './item-facts';
import { mentions } from './focus-item';
import { detectFacets, facetText } from './question-facets';

/** A search answer lists at most this many series, one line each. */
export const MAX_LISTED = 3;

/**
 * Answers product_search turns with the best evidence items, one line each: title (and the
 * other-language title), author, volumes and status, and why it fits — the genres and themes
 * the question asked for, else the first sentence of the synopsis. For "like X" the series the
 * question names is the reference, not a suggestion, so it is named in the lead instead.
 */
export function composeProductSearch(
  input: ComposeInput,
  items: readonly CatalogItem[],
): ComposedAnswer {
  const { locale, question } = input;
  const builder = new AnswerBuilder(locale);
  const anchors = detectFacets(question).includes('similar')
    ? items.filter((item) => mentions(question, item))
    : [];
  const suggestions =
    anchors.length > 0 && anchors.length < items.length
      ? items.filter((item) => !anchors.includes(item))
      : items;
  if (suggestions === items) {
    builder.say(
      locale === 'ja'
        ? 'ご希望に合いそうな作品をご紹介します。'
        : 'Here are some titles that may fit what you are looking for:',
    );
  } else {
    const reference = new ItemFacts(anchors[0], locale);
    builder.say(
      locale === 'ja'
        ? `${reference.quotedTitle}が好きな方には、こちらの作品がおすすめです。`
        : `If you like ${reference.title}, you may also enjoy:`,
    );
    builder.cite(reference.id, reference.title);
  }
  for (const facts of suggestions.slice(0, MAX_LISTED).map((item) => new ItemFacts(item, locale))) {
    builder.newLine().say(searchLine(facts, question));
    builder.cite(facts.id, facts.title);
  }
  return builder.build();
}

function searchLine(f: ItemFacts, question: string): string {
  const reason = matchedReason(f, question) ?? firstSentence(f.synopsis, f.locale);
  if (f.locale === 'ja') {
    return `・${f.titleWithOther}：${f.authorNames}作、${volumesAndStatus(f)}。${reason}`;
  }
  return `- ${f.titleWithOther} by ${f.authorNames}: ${volumesAndStatus(f)}. ${reason}`;
}

function volumesAndStatus(f: ItemFacts): string {
  if (f.locale === 'ja') {
    return f.status === 'completed'
      ? `全${f.volumeCount}・${f.statusLabel}`
      : `既刊${f.volumeCount}・${f.statusLabel}`;
  }
  return f.status === 'completed'
    ? `${f.volumeCount}, ${f.statusLabel}`
    : `${f.volumeCount} so far, ${f.statusLabel}`;
}

/** The genres and themes the question asked for, or undefined when it named none of them. */
function matchedReason(f: ItemFacts, question: string): string | undefined {
  const text = facetText(question);
  const questionStems = new Set(wordTokens(question).map(stemEnglish));
  const genres = f.genreLabels.filter((label, i) =>
    f.locale === 'ja'
      ? text.includes(label) || hasAllWords(f.item.genres[i], questionStems)
      : hasAllWords(label, questionStems),
  );
  const themes = f.locale === 'en' ? f.themes.filter((t) => hasAllWords(t, questionStems)) : [];
  if (genres.length === 0 && themes.length === 0) return undefined;
  if (f.locale === 'ja') return `${genres.join('・')}の作品です。`;
  const parts = [...genres, ...themes];
  return `Matches: ${parts.join(', ')}.`;
}

function hasAllWords(phrase: string, stems: ReadonlySet<string>): boolean {
  const words = wordTokens(phrase.replace(/-/g, ' ')).map(stemEnglish);
  return words.length > 0 && words.every((w) => stems.has(w));
}

function firstSentence(text: string, locale: LocaleCode): string {
  const match = locale === 'ja' ? /^.*?。/u.exec(text) : /^.*?[.!?](?=\s|$)/u.exec(text);
  return (match ? match[0] : text).trim();
}
