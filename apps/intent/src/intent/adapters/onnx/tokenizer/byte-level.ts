/**
 * GPT-2's reversible byte-to-character table: printable bytes map to themselves, the others to
 * code points from 256 up, so that every byte sequence is a string without spaces or controls.
 */
function bytesToUnicode(): string[] {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const table: string[] = new Array<string>(256);
  let next = 0;
  for (let b = 0; b < 256; b++) {
    table[b] = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + next++);
  }
  return table;
}

const BYTE_CHAR = bytesToUnicode();
const encoder = new TextEncoder();

/** The byte-level form of a piece of text: its UTF-8 bytes as GPT-2 characters. */
export function toByteLevel(text: string): string {
  let out = '';
  for (const byte of encoder.encode(text)) out += BYTE_CHAR[byte];
  return out;
}

/** GPT-2's pre-tokenization pattern: contractions, letter runs, digit runs, other runs, spaces. */
export const GPT2_PATTERN =
  /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;
