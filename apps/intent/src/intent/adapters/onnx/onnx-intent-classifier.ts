import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { calibratedProbabilities } from '../../../classifier/calibration';
import type { ScoredLabel } from '../../../classifier/intent-model';
import type { IntentClassifier } from '../../intent-classifier';
import { readOnnxLabels } from './onnx-labels';
import { Tokenizer } from './tokenizer/tokenizer';

export const ONNX_MODEL_FILE = 'model.onnx';
export const ONNX_TOKENIZER_FILE = 'tokenizer.json';
export const ONNX_LABELS_FILE = 'labels.json';

/** The inputs a BERT- or RoBERTa-style export declares, and how each is filled for one text. */
const INPUT_FILLERS: Record<string, (ids: number[]) => bigint[]> = {
  input_ids: (ids) => ids.map(BigInt),
  attention_mask: (ids) => ids.map(() => 1n),
  token_type_ids: (ids) => ids.map(() => 0n),
};

/**
 * A fine-tuned transformer exported to ONNX, run with onnxruntime-node on CPU: the text is
 * tokenized in-process from tokenizer.json, one [1, tokens] batch per message, and the logits
 * of the first output (or the one named "logits") become calibrated probabilities.
 */
export class OnnxIntentClassifier implements IntentClassifier {
  private constructor(
    private readonly session: InferenceSession,
    private readonly tokenizer: Tokenizer,
    readonly labels: readonly string[],
    private readonly temperature: number,
    private readonly outputName: string,
    readonly version: string,
  ) {}

  /** Loads model.onnx, tokenizer.json and labels.json from `dir` and checks they fit together. */
  static async load(dir: string): Promise<OnnxIntentClassifier> {
    // Both files are read at once, but a failure is reported in a fixed order (the tokenizer
    // first): which read loses the race must not decide the error a platform team sees.
    const [tokenizerRead, labelsRead] = await Promise.allSettled([
      Tokenizer.fromFile(join(dir, ONNX_TOKENIZER_FILE)),
      readOnnxLabels(join(dir, ONNX_LABELS_FILE)),
    ]);
    if (tokenizerRead.status === 'rejected') throw tokenizerRead.reason;
    if (labelsRead.status === 'rejected') throw labelsRead.reason;
    const tokenizer = tokenizerRead.value;
    const labels = labelsRead.value;
    const modelPath = join(dir, ONNX_MODEL_FILE);
    let session: InferenceSession;
    try {
      session = await InferenceSession.create(modelPath, {
        executionProviders: ['cpu'],
        graphOptimizationLevel: 'all',
      });
    } catch (error) {
      throw new Error(`${modelPath}: cannot load ONNX model: ${(error as Error).message}`);
    }
    const unknown = session.inputNames.filter((name) => !(name in INPUT_FILLERS));
    if (unknown.length > 0) {
      throw new Error(
        `${modelPath}: unsupported inputs ${unknown.join(', ')} (supported: ${Object.keys(INPUT_FILLERS).join(', ')})`,
      );
    }
    const outputName = session.outputNames.includes('logits') ? 'logits' : session.outputNames[0];
    const classifier = new OnnxIntentClassifier(
      session,
      tokenizer,
      labels.labels,
      labels.temperature,
      outputName,
      `onnx-${dir.split(/[\\/]/).filter(Boolean).pop() ?? 'model'}`,
    );
    // One warm-up run proves that the graph, the tokenizer and labels.json agree.
    const logits = await classifier.logits('hello');
    if (logits.length !== labels.labels.length) {
      throw new Error(
        `${dir}: the model outputs ${logits.length} logits but ${ONNX_LABELS_FILE} has ${labels.labels.length} labels`,
      );
    }
    return classifier;
  }

  async logits(text: string): Promise<Float64Array> {
    const { ids } = this.tokenizer.encode(text);
    const feeds: Record<string, Tensor> = {};
    for (const name of this.session.inputNames) {
      feeds[name] = new Tensor('int64', BigInt64Array.from(INPUT_FILLERS[name](ids)), [
        1,
        ids.length,
      ]);
    }
    const output = (await this.session.run(feeds))[this.outputName];
    return Float64Array.from(output.data as Float32Array);
  }

  async predict(text: string): Promise<ScoredLabel[]> {
    const probabilities = calibratedProbabilities(await this.logits(text), this.temperature);
    return this.labels
      .map((label, k) => ({ label, probability: probabilities[k] }))
      .sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label));
  }

  summary(): string {
    return `ONNX model ${this.version}: ${this.labels.length} labels, temperature ${this.temperature}, up to ${this.tokenizer.maxTokens} tokens`;
  }

  close(): Promise<void> {
    return this.session.release();
  }
}
