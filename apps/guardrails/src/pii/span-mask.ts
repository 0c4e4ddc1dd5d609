import type { TextSpan } from './text-span';

/**
 * The characters of one text already covered by spans. Overlap tests cost the length of the
 * span, not the number of spans taken, so 5,000 names in a 20,000-character message stay linear.
 */
export class SpanMask {
  private readonly covered: Uint8Array;

  constructor(length: number) {
    this.covered = new Uint8Array(Math.max(0, length));
  }

  static of(spans: readonly TextSpan[], length: number): SpanMask {
    const mask = new SpanMask(length);
    for (const span of spans) mask.add(span);
    return mask;
  }

  overlaps(span: TextSpan): boolean {
    const end = Math.min(span.end, this.covered.length);
    for (let i = Math.max(0, span.start); i < end; i++) if (this.covered[i] === 1) return true;
    return false;
  }

  add(span: TextSpan): void {
    this.covered.fill(1, span.start, span.end);
  }
}
