import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Document } from '@mangaassist/contracts';
import { type Encoding, SubwordTokenizer } from '@mangaassist/text';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { RerankCandidate, RerankQuery, Reranker } from '../reranker';

export const CROSS_ENCODER_DIR = Symbol('CrossEncoderDir');

/** Tokens per (question, document) pair; cross-encoders are trained at 256–512. */
const MAX_PAIR_TOKENS = 384;
/** Pairs per model run: rerank sees at most 200 candidates, usually 20–30. */
const BATCH = 16;
const MODEL_FILES = ['model.onnx', 'onnx/model.onnx'];

export class CrossEncoderError extends Error {
  override readonly name = 'CrossEncoderError';
}

/**
 * A cross-encoder (e.g. a multilingual MiniLM / bge-reranker export) read from a local
 * directory: model.onnx plus tokenizer.json (or a BERT vocab.txt). Each candidate is scored
 * from the question and the document's text encoded together as one pair, the way such models
 * are trained; the logit is the score (for a two-class head, the difference of the two logits).
 * Loaded before the service reports SERVING.
 */
@Injectable()
export class CrossEncoderOnnxReranker implements Reranker, OnModuleInit {
  private readonly logger = new Logger(CrossEncoderOnnxReranker.name);
  private session: InferenceSession | undefined;
  private tokenizer: SubwordTokenizer | undefined;
  private version = '';

  constructor(@Inject(CROSS_ENCODER_DIR) private readonly dir: string) {}

  async onModuleInit(): Promise<void> {
    const modelPath = MODEL_FILES.map((f) => join(this.dir, f)).find((p) => existsSync(p));
    if (!modelPath) {
      throw new CrossEncoderError(
        `${this.dir}: no model.onnx (looked for ${MODEL_FILES.join(', ')})`,
      );
    }
    const tokenizerJson = join(this.dir, 'tokenizer.json');
    const vocab = join(this.dir, 'vocab.txt');
    if (existsSync(tokenizerJson)) {
      this.tokenizer = SubwordTokenizer.fromJson(
        await readFile(tokenizerJson, 'utf8'),
        tokenizerJson,
      );
    } else if (existsSync(vocab)) {
      this.tokenizer = SubwordTokenizer.fromBertVocab(await readFile(vocab, 'utf8'), {
        lowercase: true,
      });
    } else {
      throw new CrossEncoderError(`${this.dir}: no tokenizer.json or vocab.txt`);
    }
    const model = await readFile(modelPath);
    try {
      this.session = await InferenceSession.create(model, { intraOpNumThreads: 1 });
    } catch (error) {
      throw new CrossEncoderError(`${modelPath}: cannot load: ${(error as Error).message}`);
    }
    for (const input of ['input_ids', 'attention_mask']) {
      if (!this.session.inputNames.includes(input)) {
        throw new CrossEncoderError(
          `${modelPath}: expected an input named ${input} (has ${this.session.inputNames.join(', ')})`,
        );
      }
    }
    const digest = createHash('sha256').update(model).digest('hex').slice(0, 12);
    this.version = `cross-encoder-${basename(this.dir)}-${digest}`;
    this.logger.log(`loaded cross-encoder ${this.version} from ${this.dir}`);
  }

  modelVersion(): string {
    return this.loaded().version;
  }

  async score(query: RerankQuery, candidates: readonly RerankCandidate[]): Promise<number[]> {
    const { session, tokenizer } = this.loaded();
    const scores: number[] = [];
    for (let i = 0; i < candidates.length; i += BATCH) {
      const batch = candidates.slice(i, i + BATCH);
      const encodings = batch.map((c) =>
        tokenizer.encode(query.text, documentText(c.hit.document), MAX_PAIR_TOKENS),
      );
      const width = Math.max(1, ...encodings.map((e) => e.ids.length));
      const pad = tokenizer.tokenId('[PAD]') ?? tokenizer.tokenId('<pad>') ?? 0;
      const feeds: Record<string, Tensor> = {
        input_ids: tensor(encodings, width, (e) => e.ids, pad),
        attention_mask: tensor(encodings, width, (e) => e.attentionMask, 0),
      };
      if (session.inputNames.includes('token_type_ids')) {
        feeds.token_type_ids = tensor(encodings, width, (e) => e.typeIds, 0);
      }
      const output = (await session.run(feeds))[session.outputNames[0]];
      const logits = output.data as Float32Array;
      const classes = output.dims.length === 2 ? output.dims[1] : 1;
      for (let b = 0; b < batch.length; b++) {
        scores.push(
          classes >= 2 ? logits[b * classes + 1] - logits[b * classes] : logits[b * classes],
        );
      }
    }
    return scores;
  }

  private loaded(): { session: InferenceSession; tokenizer: SubwordTokenizer; version: string } {
    if (!this.session || !this.tokenizer) {
      throw new Error('CrossEncoderOnnxReranker used before onModuleInit loaded the model');
    }
    return { session: this.session, tokenizer: this.tokenizer, version: this.version };
  }
}

/** What the model reads of a document: title, authors, genres and synopsis; a policy's text. */
export function documentText(document: Document | undefined): string {
  const content = document?.content;
  if (content?.case === 'item') {
    const item = content.value;
    return [
      `${item.titleJa} / ${item.titleEn}`,
      item.authors.map((a) => `${a.nameJa} ${a.nameEn}`).join(', '),
      [...item.genres, ...item.themes].join(', '),
      item.synopsisJa,
      item.synopsisEn,
    ].join('\n');
  }
  if (content?.case === 'policy') {
    const policy = content.value;
    return [`${policy.titleJa} / ${policy.titleEn}`, policy.bodyJa, policy.bodyEn].join('\n');
  }
  return '';
}

function tensor(
  encodings: readonly Encoding[],
  width: number,
  pick: (e: Encoding) => readonly number[],
  pad: number,
): Tensor {
  const data = new BigInt64Array(encodings.length * width).fill(BigInt(pad));
  encodings.forEach((encoding, b) => {
    pick(encoding).forEach((value, t) => {
      data[b * width + t] = BigInt(value);
    });
  });
  return new Tensor('int64', data, [encodings.length, width]);
}
