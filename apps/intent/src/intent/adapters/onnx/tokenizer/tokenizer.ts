import { readFile } from 'node:fs/promises';
import { createNormalizer, type Normalizer, type NormalizerSpec } from './normalizer';
import { specialTokensOf, type PostProcessorSpec, type SpecialTokens } from './post-processor';
import { createPreTokenizer, type PreTokenizer, type PreTokenizerSpec } from './pre-tokenizer';
import { createSubwordModel, type SubwordModel, type SubwordModelSpec } from './subword-model';

export interface TokenizerJson {
  normalizer?: NormalizerSpec | null;
  pre_tokenizer?: PreTokenizerSpec | null;
  model: SubwordModelSpec;
  post_processor?: PostProcessorSpec | null;
  truncation?: { max_length?: number } | null;
}

export interface Encoding {
  /** Token ids including the special tokens. */
  ids: number[];
}

/** The default sequence limit when tokenizer.json sets none: BERT's position table. */
export const DEFAULT_MAX_TOKENS = 512;

/**
 * A Hugging Face `tokenizer.json` (WordPiece or BPE) run in-process: normalizer, pre-tokenizer,
 * subword model, special tokens, truncation. Added/special tokens written in the shopper's text
 * are read as plain text, never as control tokens.
 */
export class Tokenizer {
  private readonly normalize: Normalizer;
  private readonly preTokenize: PreTokenizer;
  private readonly model: SubwordModel;
  private readonly special: SpecialTokens;
  readonly maxTokens: number;

  constructor(json: TokenizerJson) {
    if (typeof json !== 'object' || json === null || typeof json.model !== 'object') {
      throw new Error('tokenizer.json has no "model"');
    }
    if (typeof json.model.vocab !== 'object' || json.model.vocab === null) {
      throw new Error('tokenizer.json model has no "vocab"');
    }
    this.normalize = createNormalizer(json.normalizer);
    this.preTokenize = createPreTokenizer(json.pre_tokenizer);
    this.model = createSubwordModel(json.model);
    this.special = specialTokensOf(json.post_processor);
    this.maxTokens = json.truncation?.max_length ?? DEFAULT_MAX_TOKENS;
    if (this.maxTokens <= this.special.before.length + this.special.after.length) {
      throw new Error(`truncation max_length ${this.maxTokens} leaves no room for text`);
    }
  }

  static async fromFile(path: string): Promise<Tokenizer> {
    let json: TokenizerJson;
    try {
      json = JSON.parse(await readFile(path, 'utf8')) as TokenizerJson;
    } catch (error) {
      throw new Error(`${path}: cannot read tokenizer: ${(error as Error).message}`);
    }
    try {
      return new Tokenizer(json);
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`);
    }
  }

  /** Ids of one sequence with its special tokens, truncated to maxTokens. */
  encode(text: string): Encoding {
    const room = this.maxTokens - this.special.before.length - this.special.after.length;
    const ids: number[] = [];
    for (const piece of this.preTokenize(this.normalize(text))) {
      for (const id of this.model(piece)) {
        if (ids.length >= room) break;
        ids.push(id);
      }
      if (ids.length >= room) break;
    }
    return { ids: [...this.special.before, ...ids, ...this.special.after] };
  }
}
