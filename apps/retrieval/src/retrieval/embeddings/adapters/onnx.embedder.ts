import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type Encoding, SubwordTokenizer } from '@mangaassist/text';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { type Embedder, type EmbeddingPurpose, normalizeVector } from '../embedder';

export interface OnnxEmbedderOptions {
  /** Prepended to queries / documents ("query: " and "passage: " for the e5 family). */
  queryPrefix?: string;
  documentPrefix?: string;
  /** Tokens per text; longer texts are cut. */
  maxLength?: number;
  /** Texts per model run. */
  batchSize?: number;
}

export class OnnxModelError extends Error {
  override readonly name = 'OnnxModelError';
}

/** Where exporters put the files: sentence-transformers / optimum put model.onnx under onnx/. */
const MODEL_FILES = ['model.onnx', 'onnx/model.onnx'];

/**
 * A sentence-embedding model from a local directory (model.onnx + tokenizer.json or vocab.txt),
 * run by onnxruntime on the CPU. Token embeddings are mean-pooled over the attention mask and
 * L2-normalized, as sentence-transformers does; a model exported with a `sentence_embedding`
 * output is used as is. The vector size is read from the model by embedding a probe text.
 */
export class OnnxEmbedder implements Embedder {
  private constructor(
    readonly modelId: string,
    readonly dimensions: number,
    private readonly session: InferenceSession,
    private readonly tokenizer: SubwordTokenizer,
    private readonly options: Required<OnnxEmbedderOptions>,
  ) {}

  static async load(dir: string, options: OnnxEmbedderOptions = {}): Promise<OnnxEmbedder> {
    const modelPath = MODEL_FILES.map((file) => join(dir, file)).find((path) => existsSync(path));
    if (!modelPath) {
      throw new OnnxModelError(`${dir}: no model.onnx (looked for ${MODEL_FILES.join(', ')})`);
    }
    const tokenizer = await loadTokenizer(dir);
    const model = await readFile(modelPath);
    let session: InferenceSession;
    try {
      // One thread: the service answers many small requests; parallel calls use the cores.
      session = await InferenceSession.create(model, { intraOpNumThreads: 1 });
    } catch (error) {
      throw new OnnxModelError(`${modelPath}: cannot load: ${(error as Error).message}`);
    }
    for (const input of ['input_ids', 'attention_mask']) {
      if (!session.inputNames.includes(input)) {
        throw new OnnxModelError(
          `${modelPath}: expected an input named ${input} (has ${session.inputNames.join(', ')})`,
        );
      }
    }
    const settings: Required<OnnxEmbedderOptions> = {
      queryPrefix: options.queryPrefix ?? '',
      documentPrefix: options.documentPrefix ?? '',
      maxLength: options.maxLength ?? 256,
      batchSize: options.batchSize ?? 16,
    };
    const digest = createHash('sha256').update(model).digest('hex').slice(0, 12);
    const probe = new OnnxEmbedder(
      `onnx:${basename(dir)}:${digest}`,
      0,
      session,
      tokenizer,
      settings,
    );
    const [vector] = await probe.run(['probe']);
    return new OnnxEmbedder(probe.modelId, vector.length, session, tokenizer, settings);
  }

  async embed(texts: readonly string[], purpose: EmbeddingPurpose): Promise<Float32Array[]> {
    const prefix = purpose === 'query' ? this.options.queryPrefix : this.options.documentPrefix;
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.options.batchSize) {
      const batch = texts.slice(i, i + this.options.batchSize).map((t) => prefix + t);
      out.push(...(await this.run(batch)));
    }
    return out;
  }

  private async run(texts: readonly string[]): Promise<Float32Array[]> {
    const encodings = texts.map((t) => this.tokenizer.encode(t, undefined, this.options.maxLength));
    const width = Math.max(1, ...encodings.map((e) => e.ids.length));
    const pad = this.tokenizer.tokenId('[PAD]') ?? this.tokenizer.tokenId('<pad>') ?? 0;
    const feeds: Record<string, Tensor> = {
      input_ids: tensor(encodings, width, (e) => e.ids, pad),
      attention_mask: tensor(encodings, width, (e) => e.attentionMask, 0),
    };
    if (this.session.inputNames.includes('token_type_ids')) {
      feeds.token_type_ids = tensor(encodings, width, (e) => e.typeIds, 0);
    }
    const results = await this.session.run(feeds);
    const name = this.session.outputNames.includes('sentence_embedding')
      ? 'sentence_embedding'
      : this.session.outputNames[0];
    const output = results[name];
    const data = output.data as Float32Array;
    const dims = output.dims;
    if (dims.length === 2) {
      const d = dims[1];
      return texts.map((_, b) => normalizeVector(data.slice(b * d, (b + 1) * d)));
    }
    if (dims.length !== 3) {
      throw new OnnxModelError(
        `output ${name} has shape [${dims.join(', ')}], expected 2 or 3 axes`,
      );
    }
    const [, seq, d] = dims;
    return encodings.map((encoding, b) => {
      const pooled = new Float32Array(d);
      let tokens = 0;
      for (let t = 0; t < Math.min(seq, encoding.ids.length); t++) {
        tokens += 1;
        const at = (b * seq + t) * d;
        for (let k = 0; k < d; k++) pooled[k] += data[at + k];
      }
      for (let k = 0; k < d; k++) pooled[k] /= Math.max(1, tokens);
      return normalizeVector(pooled);
    });
  }
}

async function loadTokenizer(dir: string): Promise<SubwordTokenizer> {
  const json = join(dir, 'tokenizer.json');
  if (existsSync(json)) return SubwordTokenizer.fromJson(await readFile(json, 'utf8'), json);
  const vocab = join(dir, 'vocab.txt');
  if (existsSync(vocab)) {
    return SubwordTokenizer.fromBertVocab(await readFile(vocab, 'utf8'), { lowercase: true });
  }
  throw new OnnxModelError(`${dir}: no tokenizer.json or vocab.txt`);
}

/** A [batch, width] int64 tensor, each row padded with `pad`. */
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
