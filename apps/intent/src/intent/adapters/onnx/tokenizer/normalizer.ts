/** A tokenizer.json "normalizer": text in, text out. */
export type Normalizer = (text: string) => string;

export interface NormalizerSpec {
  type: string;
  lowercase?: boolean;
  strip_accents?: boolean | null;
  clean_text?: boolean;
  handle_chinese_chars?: boolean;
  normalizers?: NormalizerSpec[];
}

// BERT's "Chinese character" ranges: CJK ideographs only, not kana or hangul.
const CJK_IDEOGRAPH =
  /[\u4E00-\u9FFF\u3400-\u4DBF\u{20000}-\u{2A6DF}\u{2A700}-\u{2B73F}\u{2B740}-\u{2B81F}\u{2B820}-\u{2CEAF}\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/gu;
// Control and format characters BERT's clean_text drops (tab, newline and CR count as spaces).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000\uFFFD]|(?![\t\n\r])[\p{Cc}\p{Cf}]/gu;
const WHITESPACE = /[\t\n\r\p{Zs}]/gu;

const stripAccents: Normalizer = (text) => text.normalize('NFD').replace(/\p{Mn}/gu, '');

/**
 * The normalizers BERT- and RoBERTa-style tokenizer.json files use. An unknown type is an
 * error at load time: silently skipping a normalizer would feed the model text it never saw.
 */
export function createNormalizer(spec: NormalizerSpec | null | undefined): Normalizer {
  if (!spec) return (text) => text;
  switch (spec.type) {
    case 'BertNormalizer': {
      const lowercase = spec.lowercase ?? true;
      // HF: strip_accents null means "follow lowercase".
      const strip = spec.strip_accents ?? lowercase;
      return (text) => {
        let out = text;
        if (spec.clean_text ?? true) out = out.replace(CONTROL, '').replace(WHITESPACE, ' ');
        if (spec.handle_chinese_chars ?? true) out = out.replace(CJK_IDEOGRAPH, (ch) => ` ${ch} `);
        if (strip) out = stripAccents(out);
        if (lowercase) out = out.toLowerCase();
        return out;
      };
    }
    case 'Lowercase':
      return (text) => text.toLowerCase();
    case 'StripAccents':
      return stripAccents;
    case 'NFC':
    case 'NFD':
    case 'NFKC':
    case 'NFKD': {
      const form = spec.type;
      return (text) => text.normalize(form);
    }
    case 'Sequence': {
      const steps = (spec.normalizers ?? []).map(createNormalizer);
      return (text) => steps.reduce((out, step) => step(out), text);
    }
    default:
      throw new Error(`normalizer type "${spec.type}" is not supported`);
  }
}
