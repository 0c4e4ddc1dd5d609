import type { LocaleCode } from '@mangaassist/text';

/** One document an answer relied on, titled in the answer's language. */
export interface CitedDocument {
  id: string;
  title: string;
}

/** A finished answer: its text and the documents it used, in order of first use. */
export interface ComposedAnswer {
  text: string;
  citations: CitedDocument[];
}

// A sentence is finished by its own terminator, possibly inside closing quotes: 「…。」 or (...).
// A colon ends a lead-in to a list.
const SENTENCE_END = /[。！？!?.…:：][」』）)"'”’]*$/u;

/** Ends a sentence with 。 or . unless it already ends with punctuation. */
export function endSentence(text: string, locale: LocaleCode): string {
  const trimmed = text.trim();
  if (trimmed === '' || SENTENCE_END.test(trimmed)) return trimmed;
  return trimmed + (locale === 'ja' ? '。' : '.');
}

/**
 * Collects sentences into lines and citations in order of first use. Japanese sentences join
 * without spaces, English ones with a space; lines (list entries) are separated by newlines.
 */
export class AnswerBuilder {
  private readonly lines: string[][] = [[]];
  private readonly cited = new Map<string, CitedDocument>();

  constructor(readonly locale: LocaleCode) {}

  /** True until the first sentence: the first sentence names the series, later ones need not. */
  get isEmpty(): boolean {
    return this.lines.every((line) => line.length === 0);
  }

  say(...sentences: string[]): this {
    for (const sentence of sentences) {
      const finished = endSentence(sentence, this.locale);
      if (finished) this.lines[this.lines.length - 1].push(finished);
    }
    return this;
  }

  /** Starts a new line, for lists. */
  newLine(): this {
    if (this.lines[this.lines.length - 1].length > 0) this.lines.push([]);
    return this;
  }

  cite(id: string, title: string): this {
    if (id && !this.cited.has(id)) this.cited.set(id, { id, title });
    return this;
  }

  build(): ComposedAnswer {
    const separator = this.locale === 'ja' ? '' : ' ';
    const text = this.lines
      .filter((line) => line.length > 0)
      .map((line) => line.join(separator))
      .join('\n');
    return { text, citations: [...this.cited.values()] };
  }
}
