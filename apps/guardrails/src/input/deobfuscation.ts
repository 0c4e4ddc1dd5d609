import { normalizeText } from '@mangaassist/text';

// Single letters split by spaces, dots, dashes, underscores or stars: "i g n o r e", "s.y.s.t.e.m".
const SPACED_LETTERS =
  /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}@$][\s.\-_*·/|]{1,3}){2,}[\p{L}\p{N}@$](?![\p{L}\p{N}])/gu;
const SPACED_SEPARATORS = /[\s.\-_*·/|]+/g;
const TOKEN = /[\p{L}\p{N}@$!|+]+/gu;
const LETTER = /\p{L}/u;
// prettier-ignore
const LEET: Readonly<Record<string, string>> = {
  '1': 'i', '!': 'i', '|': 'i', '0': 'o', '3': 'e', '4': 'a', '@': 'a', '5': 's', '$': 's',
  '7': 't', '+': 't',
};
/**
 * A copy of the folded text (look-alike letters already Latin, see foldConfusables) with
 * common obfuscations undone: letters separated by spaces or dots joined, leetspeak folded
 * (1->i, 0->o, 3->e, 4->a, 5->s, 7->t, @->a), lowercased. Only rules and the classifier read
 * it; offsets never refer to it.
 */
export function deobfuscate(folded: string): string {
  const joined = folded.replace(SPACED_LETTERS, (run) => run.replace(SPACED_SEPARATORS, ''));
  const unleet = joined.replace(TOKEN, (token) =>
    LETTER.test(token) ? token.replace(/[10!|34@5$7+]/g, (c) => LEET[c] ?? c) : token,
  );
  return unleet.toLowerCase();
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX_RUN = /(?:(?:\\x|0x)?[0-9a-fA-F]{2}[ :]?){8,}/g;
const MAX_PAYLOADS = 16;
const MAX_PAYLOAD_CHARS = 4096;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const READABLE = /[\p{L}\p{N}\p{P}\p{S}\p{Zs}\n\t]/u;

function printable(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  const chars = [...text];
  if (chars.length < 6 || !/\p{L}/u.test(text)) return undefined;
  const readable = chars.filter((c) => READABLE.test(c)).length;
  return readable / chars.length >= 0.95 ? text : undefined;
}

/**
 * Base64 (standard or URL-safe) and hex runs of 16+ characters that decode to readable text,
 * normalized. Bounded: at most 16 runs of 4,096 characters are tried per message.
 */
export function decodeEmbeddedPayloads(normalized: string): string[] {
  const decoded = new Set<string>();
  const runs = [
    ...[...normalized.matchAll(HEX_RUN)].map((m) => ({ kind: 'hex' as const, text: m[0] })),
    ...[...normalized.matchAll(BASE64_RUN)].map((m) => ({ kind: 'base64' as const, text: m[0] })),
  ].slice(0, MAX_PAYLOADS);
  for (const run of runs) {
    const source = run.text.slice(0, MAX_PAYLOAD_CHARS);
    const bytes =
      run.kind === 'hex'
        ? Buffer.from(source.replace(/\\x|0x|[ :]/g, ''), 'hex')
        : Buffer.from(source.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    const text = printable(bytes);
    if (text !== undefined) decoded.add(normalizeText(text));
  }
  return [...decoded];
}

const ROT13_HINT = /\brot[ -]?13\b|\bcaesar\b|シーザー暗号/i;
const REVERSED_HINT = /\bbackwards?\b|\breversed?\b|right to left|逆から|逆順|反対から|後ろから/i;
const MAX_HINTED_CHARS = 4096;

function rot13(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/**
 * Writing an instruction in ROT13 or backwards needs a hint for the reader ("rot13:", "read
 * this backwards"); only then the decoded reading is worth the work.
 */
export function decodeHintedPayloads(normalized: string): string[] {
  const text = normalized.slice(0, MAX_HINTED_CHARS);
  const payloads: string[] = [];
  if (ROT13_HINT.test(text)) payloads.push(rot13(text));
  if (REVERSED_HINT.test(text)) payloads.push([...text].reverse().join(''));
  return payloads;
}
