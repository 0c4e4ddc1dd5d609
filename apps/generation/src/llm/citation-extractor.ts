import type { AnswerCitation } from '../generation/answer-provider';

const OPENERS: Record<string, string> = { '[': ']', '［': '］', '【': '】' };
/** A document id as the prompt writes it: MA-0001, POL-012. */
const DOCUMENT_ID = /^[A-Z]{2,5}-\d{2,6}$/;
/** Longer bracketed text is prose, not a citation; stop holding it back. */
const MAX_MARKER_CHARS = 64;

/**
 * Turns a model's streamed text into what the shopper sees: citation markers such as
 * [MA-0001] or 【POL-012】 are removed (with the space before them) and recorded as citations;
 * any other bracketed text passes through. Text is held back only while it might still be a
 * marker, so deltas flow as soon as they can. Ids the prompt did not carry are never cited.
 */
export class CitationExtractor {
  private marker = '';
  private closer = '';
  private space = '';
  private readonly used = new Map<string, AnswerCitation>();
  private readonly unknown = new Set<string>();

  constructor(private readonly citable: ReadonlyMap<string, string>) {}

  /** Feeds more model text; returns the text that can be shown now (may be empty). */
  push(text: string): string {
    let out = '';
    for (const ch of text) out += this.take(ch);
    return out;
  }

  /** Ends the stream: whatever is still held back is shown as it was written. */
  flush(): string {
    const rest = this.marker;
    this.marker = '';
    const out = rest === '' ? '' : this.space + rest;
    this.space = '';
    return out;
  }

  /** The documents the text cited, in order of first use. */
  get citations(): AnswerCitation[] {
    return [...this.used.values()];
  }

  /** Ids the model cited that were not in its evidence (a sign of a hallucinated citation). */
  get unknownIds(): string[] {
    return [...this.unknown];
  }

  private take(ch: string): string {
    if (this.marker !== '') {
      this.marker += ch;
      if (ch === this.closer) return this.closeMarker();
      if (ch === '\n' || Array.from(this.marker).length > MAX_MARKER_CHARS) {
        const out = this.space + this.marker;
        this.marker = '';
        this.space = '';
        return out;
      }
      return '';
    }
    const closer = OPENERS[ch];
    if (closer) {
      this.marker = ch;
      this.closer = closer;
      return '';
    }
    if (ch === ' ' || ch === '\t') {
      this.space += ch;
      return '';
    }
    const out = this.space + ch;
    this.space = '';
    return out;
  }

  private closeMarker(): string {
    const inner = this.marker.slice(1, -1).trim();
    const ids = inner.split(/[\s,、，;；]+/).filter((id) => id !== '');
    if (ids.length === 0 || !ids.every((id) => DOCUMENT_ID.test(id))) {
      const out = this.space + this.marker;
      this.marker = '';
      this.space = '';
      return out;
    }
    for (const id of ids) {
      const title = this.citable.get(id);
      if (title === undefined) this.unknown.add(id);
      else if (!this.used.has(id)) this.used.set(id, { id, title });
    }
    this.marker = '';
    // The space before a marker belonged to it; a space after it starts the next sentence.
    this.space = '';
    return '';
  }
}
