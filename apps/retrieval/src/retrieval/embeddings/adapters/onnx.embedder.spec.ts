/** @jest-environment ../../tools/jest/onnx-environment.cjs */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TINY_VOCAB,
  embeddingTable,
  tinyEmbeddingModel,
  wordPieceTokenizerJson,
} from '../testing/tiny-onnx-model';
import { OnnxEmbedder, OnnxModelError } from './onnx.embedder';

const DIMS = 8;
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i], 0);

describe('OnnxEmbedder (a real onnxruntime session on a tiny generated model)', () => {
  let dir: string;
  let embedder: OnnxEmbedder;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onnx-embedder-'));
    const table = embeddingTable(TINY_VOCAB.length, DIMS);
    writeFileSync(join(dir, 'model.onnx'), tinyEmbeddingModel(table, TINY_VOCAB.length, DIMS));
    writeFileSync(join(dir, 'tokenizer.json'), wordPieceTokenizerJson(TINY_VOCAB));
    embedder = await OnnxEmbedder.load(dir, { queryPrefix: 'query: ', batchSize: 2 });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the vector size from the model and names the model by its content', () => {
    expect(embedder.dimensions).toBe(DIMS);
    expect(embedder.modelId).toMatch(/^onnx:onnx-embedder-\w+:[0-9a-f]{12}$/);
  });

  it('returns one unit vector per text, in order, for English and Japanese', async () => {
    const texts = ['one piece', '海賊王', 'ワンピース', 'dark psychological death note'];
    const vectors = await embedder.embed(texts, 'document');
    expect(vectors).toHaveLength(4);
    for (const v of vectors) expect(Math.sqrt(cosine(v, v))).toBeCloseTo(1, 5);
    // The same text always gives the same vector; texts sharing words are closer.
    const [again] = await embedder.embed(['one piece'], 'document');
    expect(cosine(vectors[0], again)).toBeCloseTo(1, 6);
    const [pirates] = await embedder.embed(['one piece pirates'], 'document');
    expect(cosine(vectors[0], pirates)).toBeGreaterThan(cosine(vectors[0], vectors[3]));
  });

  it('mean-pools over the attention mask: padding in a batch does not change a vector', async () => {
    const [alone] = await embedder.embed(['sea'], 'document');
    const [padded] = await embedder.embed(
      ['sea', 'one piece king of the pirates notebook'],
      'document',
    );
    expect(cosine(alone, padded)).toBeCloseTo(1, 6);
  });

  it('prepends the query prefix to queries only', async () => {
    const [asQuery] = await embedder.embed(['one piece'], 'query');
    const [asDocument] = await embedder.embed(['one piece'], 'document');
    const [prefixed] = await embedder.embed(['query: one piece'], 'document');
    expect(cosine(asQuery, prefixed)).toBeCloseTo(1, 6);
    expect(cosine(asQuery, asDocument)).toBeLessThan(0.9999);
  });

  it('fails with the path when the directory has no model or tokenizer', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'onnx-empty-'));
    try {
      await expect(OnnxEmbedder.load(empty)).rejects.toThrow(OnnxModelError);
      writeFileSync(join(empty, 'model.onnx'), 'not a model');
      await expect(OnnxEmbedder.load(empty)).rejects.toThrow(/no tokenizer\.json or vocab\.txt/);
      writeFileSync(join(empty, 'vocab.txt'), TINY_VOCAB.join('\n'));
      await expect(OnnxEmbedder.load(empty)).rejects.toThrow(/model\.onnx: cannot load/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
