import { z } from 'zod';

/** Model inputs for one text or text pair, after special tokens and truncation. */
export interface Encoding {
  ids: number[];
  /** Segment of each token: 0 for the first text, 1 for the second of a pair. */
  typeIds: number[];
  attentionMask: number[];
}

export class TokenizerError extends Error {
  override readonly name = 'TokenizerError';
}

// The parts of a Hugging Face tokenizer.json this reader understands. Anything else is refused
// with a message naming it, rather than silently tokenizing differently from the model's training.
const normalizerSchema: z.ZodType<Normalizer> = z.lazy(() =>
  z.union([
    z.object({
      type: z.literal('BertNormalizer'),
      clean_text: z.boolean().default(true),
      handle_chinese_chars: z.boolean().default(true),
      strip_accents: z.boolean().nullable().default(null),
      lowercase: z.boolean().default(true),
    }),
    z.object({
      type: z.enum(['Lowercase', 'NFC', 'NFD', 'NFKC', 'NFKD', 'StripAccents', 'Precompiled']),
    }),
    z.object({ type: z.literal('Sequence'), normalizers: z.array(normalizerSchema) }),
  ]),
);
type Normalizer =
  | {
      type: 'BertNormalizer';
      clean_text: boolean;
      handle_chinese_chars: boolean;
      strip_accents: boolean | null;
      lowercase: boolean;
    }
  | { type: 'Lowercase' | 'NFC' | 'NFD' | 'NFKC' | 'NFKD' | 'StripAccents' | 'Precompiled' }
  | { type: 'Sequence'; normalizers: Normalizer[] };

const preTokenizerSchema: z.ZodType<PreTokenizer> = z.lazy(() =>
  z.union([
    z.object({ type: z.enum(['BertPreTokenizer', 'Whitespace', 'WhitespaceSplit']) }),
    z.object({
      type: z.literal('Metaspace'),
      replacement: z.string().default('▁'),
      prepend_scheme: z.enum(['always', 'never', 'first']).optional(),
      add_prefix_space: z.boolean().optional(),
    }),
    z.object({ type: z.literal('Sequence'), pretokenizers: z.array(preTokenizerSchema) }),
  ]),
);
type PreTokenizer =
  | { type: 'BertPreTokenizer' | 'Whitespace' | 'WhitespaceSplit' }
  | {
      type: 'Metaspace';
      replacement: string;
      prepend_scheme?: 'always' | 'never' | 'first';
      add_prefix_space?: boolean;
    }
  | { type: 'Sequence'; pretokenizers: PreTokenizer[] };

const templatePieceSchema = z.union([
  z.object({ SpecialToken: z.object({ id: z.string(), type_id: z.number().int() }) }),
  z.object({ Sequence: z.object({ id: z.enum(['A', 'B']), type_id: z.number().int() }) }),
]);
const postProcessorSchema = z.union([
  z.object({
    type: z.literal('TemplateProcessing'),
    single: z.array(templatePieceSchema),
    pair: z.array(templatePieceSchema),
    special_tokens: z.record(z.string(), z.object({ ids: z.array(z.number().int()) })),
  }),
  z.object({
    type: z.enum(['BertProcessing', 'RobertaProcessing']),
    sep: z.tuple([z.string(), z.number().int()]),
    cls: z.tuple([z.string(), z.number().int()]),
  }),
]);
type PostProcessor = z.infer<typeof postProcessorSchema>;

const tokenizerJsonSchema = z.object({
  normalizer: normalizerSchema.nullable().optional(),
  pre_tokenizer: preTokenizerSchema.nullable().optional(),
  post_processor: postProcessorSchema.nullable().optional(),
  model: z.union([
    z.object({
      type: z.literal('WordPiece'),
      vocab: z.record(z.string(), z.number().int()),
      unk_token: z.string(),
      continuing_subword_prefix: z.string().default('##'),
      max_input_chars_per_word: z.number().int().default(100),
    }),
    z.object({
      type: z.literal('Unigram'),
      vocab: z.array(z.tuple([z.string(), z.number()])),
      unk_id: z.number().int().nullable(),
    }),
  ]),
});
type TokenizerJson = z.infer<typeof tokenizerJsonSchema>;

const CONTROL = /[\p{Cc}\p{Cf}]/u;
const MARK = /\p{Mn}/gu;
/** BERT's "Chinese character" ranges (CJK ideographs): each becomes its own word. */
const CJK_IDEOGRAPH =
  /[\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF\u{20000}-\u{2A6DF}\u{2A700}-\u{2B73F}\u{2B740}-\u{2B81F}\u{2B820}-\u{2CEAF}\u{2F800}-\u{2FA1F}]/u;

/**
 * A subword tokenizer read from a Hugging Face `tokenizer.json`, for running transformer models
 * (embedders, cross-encoders) with onnxruntime, where no tokenizers library is available:
 * WordPiece (BERT family, including multilingual BERT) and Unigram (SentencePiece: XLM-R,
 * multilingual-e5, bge-m3), with their usual normalizers, pre-tokenizers and special-token
 * templates. `Precompiled` SentencePiece normalization is approximated by NFKC.
 */
export class SubwordTokenizer {
  private readonly pieces: Map<string, number>;
  private readonly scores: Map<string, number> | undefined;
  private readonly maxPiece: number;
  private readonly unkId: number;
  private readonly unkScore: number;

  private constructor(private readonly spec: TokenizerJson) {
    const model = spec.model;
    if (model.type === 'WordPiece') {
      this.pieces = new Map(Object.entries(model.vocab));
      const unk = this.pieces.get(model.unk_token);
      if (unk === undefined) throw new TokenizerError(`unk_token ${model.unk_token} not in vocab`);
      this.unkId = unk;
      this.scores = undefined;
      this.unkScore = 0;
    } else {
      this.pieces = new Map(model.vocab.map(([piece], id) => [piece, id]));
      this.scores = new Map(model.vocab.map(([piece, score]) => [piece, score]));
      if (model.unk_id === null) throw new TokenizerError('Unigram model needs an unk_id');
      this.unkId = model.unk_id;
      // Vocabularies reach 250,000 pieces: reduce, since spreading them overflows the stack.
      this.unkScore = model.vocab.reduce((min, [, score]) => Math.min(min, score), 0) - 10;
    }
    let maxPiece = 1;
    for (const piece of this.pieces.keys()) maxPiece = Math.max(maxPiece, [...piece].length);
    this.maxPiece = maxPiece;
  }

  /** Parses tokenizer.json text; unsupported parts are errors naming the part. */
  static fromJson(text: string, source = 'tokenizer.json'): SubwordTokenizer {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new TokenizerError(`${source}: not JSON: ${(error as Error).message}`);
    }
    const parsed = tokenizerJsonSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TokenizerError(
        `${source}: unsupported or invalid tokenizer at ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      );
    }
    return new SubwordTokenizer(parsed.data);
  }

  /** A BERT vocab.txt (one token per line, id = line number) with BERT's defaults. */
  static fromBertVocab(vocabText: string, options: { lowercase: boolean }): SubwordTokenizer {
    const vocab: Record<string, number> = {};
    vocabText.split(/\r?\n/).forEach((token, id) => {
      if (token !== '' && !(token in vocab)) vocab[token] = id;
    });
    const id = (token: string) => {
      if (!(token in vocab)) throw new TokenizerError(`vocab.txt lacks ${token}`);
      return vocab[token];
    };
    return new SubwordTokenizer(
      tokenizerJsonSchema.parse({
        normalizer: { type: 'BertNormalizer', lowercase: options.lowercase },
        pre_tokenizer: { type: 'BertPreTokenizer' },
        post_processor: {
          type: 'BertProcessing',
          sep: ['[SEP]', id('[SEP]')],
          cls: ['[CLS]', id('[CLS]')],
        },
        model: { type: 'WordPiece', vocab, unk_token: '[UNK]' },
      }),
    );
  }

  /** The id of a token, e.g. a padding token; undefined if the vocabulary lacks it. */
  tokenId(token: string): number | undefined {
    return this.pieces.get(token);
  }

  /** Token ids of one text or a pair, with special tokens, cut to maxLength tokens. */
  encode(text: string, pair?: string, maxLength = 512): Encoding {
    let a = this.tokenize(text);
    let b = pair === undefined ? undefined : this.tokenize(pair);
    const specials = this.specialCount(b !== undefined);
    // Longest-first truncation, as the tokenizers library does by default.
    while (a.length + (b?.length ?? 0) + specials > maxLength && a.length + (b?.length ?? 0) > 0) {
      if (b && b.length >= a.length) b = b.slice(0, -1);
      else a = a.slice(0, -1);
    }
    return this.withSpecials(a, b);
  }

  /** Subword ids of a text, without special tokens. */
  tokenize(text: string): number[] {
    const words = this.preTokenize(this.normalize(text));
    return words.flatMap((word) =>
      this.spec.model.type === 'WordPiece' ? this.wordPiece(word) : this.unigram(word),
    );
  }

  private normalize(text: string, normalizer = this.spec.normalizer): string {
    if (!normalizer) return text;
    switch (normalizer.type) {
      case 'Sequence':
        return normalizer.normalizers.reduce((t, n) => this.normalize(t, n), text);
      case 'BertNormalizer': {
        let out = text;
        if (normalizer.clean_text) {
          out = [...out]
            .filter((ch) => ch !== '\uFFFD' && (!CONTROL.test(ch) || /\s/.test(ch)))
            .map((ch) => (/\s/.test(ch) ? ' ' : ch))
            .join('');
        }
        if (normalizer.handle_chinese_chars) {
          out = [...out].map((ch) => (CJK_IDEOGRAPH.test(ch) ? ` ${ch} ` : ch)).join('');
        }
        const strip = normalizer.strip_accents ?? normalizer.lowercase;
        if (strip) out = out.normalize('NFD').replace(MARK, '');
        return normalizer.lowercase ? out.toLowerCase() : out;
      }
      case 'Lowercase':
        return text.toLowerCase();
      case 'StripAccents':
        return text.normalize('NFD').replace(MARK, '');
      case 'Precompiled':
        return text.normalize('NFKC');
      default:
        return text.normalize(normalizer.type);
    }
  }

  private preTokenize(text: string, pre = this.spec.pre_tokenizer): string[] {
    if (!pre) return [text];
    switch (pre.type) {
      case 'Sequence':
        return pre.pretokenizers.reduce<string[]>(
          (words, p) => words.flatMap((w) => this.preTokenize(w, p)),
          [text],
        );
      case 'WhitespaceSplit':
        return text.split(/\s+/).filter(Boolean);
      case 'Whitespace':
        return text.match(/\w+|[^\w\s]+/gu) ?? [];
      case 'BertPreTokenizer':
        return text
          .split(/\s+/)
          .filter(Boolean)
          .flatMap((word) => word.split(/([\p{P}\p{S}])/u).filter(Boolean));
      case 'Metaspace': {
        const prepend = pre.prepend_scheme ?? (pre.add_prefix_space === false ? 'never' : 'always');
        const spaced = text.replace(/ /g, pre.replacement);
        const withPrefix =
          prepend !== 'never' && !spaced.startsWith(pre.replacement)
            ? pre.replacement + spaced
            : spaced;
        // Split before each replacement character, keeping it with the word it starts.
        return withPrefix
          .split(new RegExp(`(?=${escapeRegExp(pre.replacement)})`, 'u'))
          .filter(Boolean);
      }
    }
  }

  private wordPiece(word: string): number[] {
    const model = this.spec.model;
    if (model.type !== 'WordPiece') return [];
    const chars = [...word];
    if (chars.length > model.max_input_chars_per_word) return [this.unkId];
    const ids: number[] = [];
    for (let start = 0; start < chars.length;) {
      let end = chars.length;
      let found: number | undefined;
      for (; end > start; end--) {
        const piece =
          (start > 0 ? model.continuing_subword_prefix : '') + chars.slice(start, end).join('');
        found = this.pieces.get(piece);
        if (found !== undefined) break;
      }
      // WordPiece gives up on the whole word when any part of it is unknown.
      if (found === undefined) return [this.unkId];
      ids.push(found);
      start = end;
    }
    return ids;
  }

  /** Viterbi over the piece log-probabilities; unknown characters become unk. */
  private unigram(word: string): number[] {
    const chars = [...word];
    const n = chars.length;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const from = new Int32Array(n + 1).fill(-1);
    const pieceAt = new Array<number>(n + 1).fill(this.unkId);
    best[0] = 0;
    for (let end = 1; end <= n; end++) {
      for (let start = Math.max(0, end - this.maxPiece); start < end; start++) {
        if (best[start] === -Infinity) continue;
        const piece = chars.slice(start, end).join('');
        const id = this.pieces.get(piece);
        const score =
          id === undefined
            ? end - start === 1
              ? this.unkScore
              : -Infinity
            : (this.scores?.get(piece) ?? 0);
        if (best[start] + score > best[end]) {
          best[end] = best[start] + score;
          from[end] = start;
          pieceAt[end] = id ?? this.unkId;
        }
      }
    }
    const ids: number[] = [];
    for (let end = n; end > 0; end = from[end]) ids.unshift(pieceAt[end]);
    // Consecutive unknown characters collapse into one unk, as SentencePiece does.
    return ids.filter((id, i) => !(id === this.unkId && ids[i - 1] === this.unkId));
  }

  private specialCount(pair: boolean): number {
    const post = this.spec.post_processor;
    if (!post) return 0;
    if (post.type === 'TemplateProcessing') {
      const template = pair ? post.pair : post.single;
      return template.reduce(
        (n, piece) =>
          'SpecialToken' in piece
            ? n + (post.special_tokens[piece.SpecialToken.id]?.ids.length ?? 0)
            : n,
        0,
      );
    }
    if (post.type === 'BertProcessing') return pair ? 3 : 2;
    return pair ? 4 : 2;
  }

  private withSpecials(a: number[], b: number[] | undefined): Encoding {
    const post: PostProcessor | null | undefined = this.spec.post_processor;
    const ids: number[] = [];
    const typeIds: number[] = [];
    const push = (tokens: readonly number[], type: number) => {
      for (const id of tokens) {
        ids.push(id);
        typeIds.push(type);
      }
    };
    if (!post) {
      push(a, 0);
      if (b) push(b, 1);
    } else if (post.type === 'TemplateProcessing') {
      for (const piece of b ? post.pair : post.single) {
        if ('SpecialToken' in piece) {
          const special = post.special_tokens[piece.SpecialToken.id];
          if (!special)
            throw new TokenizerError(`template names unknown token ${piece.SpecialToken.id}`);
          push(special.ids, piece.SpecialToken.type_id);
        } else {
          push(piece.Sequence.id === 'A' ? a : (b ?? []), piece.Sequence.type_id);
        }
      }
    } else {
      const [, cls] = post.cls;
      const [, sep] = post.sep;
      push([cls, ...a, sep], 0);
      // BERT pairs: [CLS] A [SEP] B [SEP] with B as segment 1; RoBERTa: <s> A </s></s> B </s>.
      if (b)
        push(
          post.type === 'BertProcessing' ? [...b, sep] : [sep, ...b, sep],
          post.type === 'BertProcessing' ? 1 : 0,
        );
    }
    return { ids, typeIds, attentionMask: ids.map(() => 1) };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
