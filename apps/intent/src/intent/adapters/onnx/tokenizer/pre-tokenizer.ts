import { GPT2_PATTERN, toByteLevel } from './byte-level';

/** A tokenizer.json "pre_tokenizer": normalized text in, word-like pieces out. */
export type PreTokenizer = (text: string) => string[];

export interface PreTokenizerSpec {
  type: string;
  add_prefix_space?: boolean;
  use_regex?: boolean;
  replacement?: string;
  prepend_scheme?: 'always' | 'first' | 'never';
  split?: boolean;
  pretokenizers?: PreTokenizerSpec[];
}

const PUNCTUATION = /^[!-/:-@[-`{-~]$|^\p{P}$/u;

/** BERT: split on whitespace, and every punctuation character is a piece of its own. */
function bertSplit(text: string): string[] {
  const pieces: string[] = [];
  for (const word of text.split(/\s+/u)) {
    let current = '';
    for (const ch of word) {
      if (PUNCTUATION.test(ch)) {
        if (current) pieces.push(current);
        pieces.push(ch);
        current = '';
      } else {
        current += ch;
      }
    }
    if (current) pieces.push(current);
  }
  return pieces;
}

export function createPreTokenizer(spec: PreTokenizerSpec | null | undefined): PreTokenizer {
  if (!spec) return (text) => (text === '' ? [] : [text]);
  switch (spec.type) {
    case 'BertPreTokenizer':
      return bertSplit;
    case 'Whitespace':
      return (text) => text.match(/\w+|[^\w\s]+/gu) ?? [];
    case 'WhitespaceSplit':
      return (text) => text.split(/\s+/u).filter((piece) => piece !== '');
    case 'ByteLevel': {
      const addPrefixSpace = spec.add_prefix_space ?? true;
      const useRegex = spec.use_regex ?? true;
      return (text) => {
        const spaced = addPrefixSpace && !text.startsWith(' ') ? ` ${text}` : text;
        const pieces = useRegex ? (spaced.match(GPT2_PATTERN) ?? []) : [spaced];
        return pieces.map(toByteLevel);
      };
    }
    case 'Metaspace': {
      const replacement = spec.replacement ?? '\u2581';
      const scheme = spec.prepend_scheme ?? (spec.add_prefix_space === false ? 'never' : 'always');
      return (text) => {
        const replaced = text.replace(/ /g, replacement);
        const prefixed =
          scheme !== 'never' && !replaced.startsWith(replacement)
            ? replacement + replaced
            : replaced;
        if (spec.split === false) return [prefixed];
        return prefixed.split(new RegExp(`(?=${replacement})`, 'u')).filter((p) => p !== '');
      };
    }
    case 'Sequence': {
      const steps = (spec.pretokenizers ?? []).map(createPreTokenizer);
      return (text) =>
        steps.reduce<string[]>((pieces, step) => pieces.flatMap(step), text === '' ? [] : [text]);
    }
    default:
      throw new Error(`pre_tokenizer type "${spec.type}" is not supported`);
  }
}
