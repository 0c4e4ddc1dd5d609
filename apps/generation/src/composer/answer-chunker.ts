/**
 * Splits a finished answer into stream deltas that read naturally: whole sentences or clauses
 * of roughly MIN..MAX characters. Only cuts, never edits, so the deltas joined are exactly the
 * answer — the final event's answer is checked against that.
 */
export const MIN_CHUNK = 20;
export const MAX_CHUNK = 60;

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '\n']);
const CLAUSE_END = new Set(['、', '，', '；', '：']);
const LATIN_CLAUSE_END = new Set([',', ';', ':']);
const CLOSERS = new Set(['」', '』', '）', ')', '】', '"', "'", '’', '”']);

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

/** Cuts after every position the predicate accepts, carrying closing brackets and spaces along. */
function splitAfter(text: string, boundary: (chars: string[], i: number) => boolean): string[] {
  const chars = Array.from(text);
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < chars.length; i++) {
    if (!boundary(chars, i)) continue;
    let end = i + 1;
    while (end < chars.length && (CLOSERS.has(chars[end]) || isSpace(chars[end]))) end++;
    parts.push(chars.slice(start, end).join(''));
    start = end;
    i = end - 1;
  }
  if (start < chars.length) parts.push(chars.slice(start).join(''));
  return parts;
}

function sentences(text: string): string[] {
  return splitAfter(text, (chars, i) => {
    const ch = chars[i];
    if (SENTENCE_END.has(ch)) return true;
    // A period ends an English sentence only before a space: ¥50,200 and 2026-12-04 stay whole.
    return ch === '.' && (i + 1 === chars.length || isSpace(chars[i + 1]));
  });
}

function clauses(text: string): string[] {
  return splitAfter(text, (chars, i) => {
    const ch = chars[i];
    if (CLAUSE_END.has(ch)) return true;
    // "2,000" is a number, ", " is a clause break.
    return LATIN_CLAUSE_END.has(ch) && isSpace(chars[i + 1]);
  });
}

function length(text: string): number {
  return Array.from(text).length;
}

/** A clause still too long is cut at the last space before MAX, else between non-digits. */
function hardSplit(text: string): string[] {
  const parts: string[] = [];
  let rest = Array.from(text);
  while (rest.length > MAX_CHUNK) {
    let cut = -1;
    for (let i = MAX_CHUNK; i >= MIN_CHUNK; i--) {
      if (isSpace(rest[i - 1])) {
        cut = i;
        break;
      }
    }
    for (let i = MAX_CHUNK; cut < 0 && i >= MIN_CHUNK; i--) {
      if (!bothAlnum(rest[i - 1], rest[i])) cut = i;
    }
    if (cut < 0) cut = MAX_CHUNK;
    parts.push(rest.slice(0, cut).join(''));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) parts.push(rest.join(''));
  return parts;
}

// Japanese letters sit next to each other everywhere; only Latin words and numbers must not break.
function bothAlnum(a: string, b: string): boolean {
  return /[A-Za-z0-9,.¥]/.test(a) && /[A-Za-z0-9,.¥]/.test(b);
}

export function chunkAnswer(text: string): string[] {
  if (text === '') return [];
  const pieces = sentences(text).flatMap((sentence) =>
    length(sentence) <= MAX_CHUNK
      ? [sentence]
      : clauses(sentence).flatMap((clause) =>
          length(clause) <= MAX_CHUNK ? [clause] : hardSplit(clause),
        ),
  );
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current === '') {
      current = piece;
    } else if (
      length(current) < MIN_CHUNK ||
      (length(current) + length(piece) <= MAX_CHUNK && !current.endsWith('\n'))
    ) {
      current += piece;
    } else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}
