/** @jest-environment ../../tools/jest/onnx-environment.cjs */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from '@bufbuild/protobuf';
import { SearchRequestSchema } from '@mangaassist/contracts';
import { Logger } from '@nestjs/common';
import { InvertedSearchIndex } from './adapters/inverted.search-index';
import { OnnxEmbedder } from './embeddings/adapters/onnx.embedder';
import type { Embedder } from './embeddings/embedder';
import {
  TINY_VOCAB,
  embeddingTable,
  tinyEmbeddingModel,
  wordPieceTokenizerJson,
} from './embeddings/testing/tiny-onnx-model';
import { RetrievalService } from './retrieval.service';
import { parseSearchRequest } from './search-request';

const request = (query: string) =>
  parseSearchRequest(create(SearchRequestSchema, { query, topK: 10 }));

describe('RetrievalService with dense vectors (a real ONNX embedder, fused by RRF)', () => {
  let dir: string;
  let embedder: OnnxEmbedder;
  let service: RetrievalService;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    dir = mkdtempSync(join(tmpdir(), 'dense-'));
    writeFileSync(
      join(dir, 'model.onnx'),
      tinyEmbeddingModel(embeddingTable(TINY_VOCAB.length, 8), TINY_VOCAB.length, 8),
    );
    writeFileSync(join(dir, 'tokenizer.json'), wordPieceTokenizerJson(TINY_VOCAB));
    embedder = await OnnxEmbedder.load(dir);
    service = new RetrievalService(new InvertedSearchIndex(), {}, embedder);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('embeds every document at load and names the model in the index version', async () => {
    expect(await service.load()).toMatchObject({ items: 296, policies: 40, embedded: 336 });
    const result = await service.search(request('one piece'));
    expect(result.indexVersion).toMatch(/^inverted-.*\+dense:onnx:/);
  });

  it('keeps what the shopper named first and reports the cosine as the "dense" field score', async () => {
    for (const query of ['one piece', 'ワンピース', '海賊']) {
      const result = await service.search(request(query));
      expect(result.hits[0].id).toBe('MA-0001');
    }
  });

  it('adds documents only the vectors find, with their cosine as the "dense" field score', async () => {
    // Words outside the tiny model's vocabulary embed like most catalog text ([UNK]), and match
    // no index term: only the dense side can answer.
    const result = await service.search(request('zqxv wqkj'));
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) {
      expect(hit.fieldScores.dense).toBeGreaterThan(0);
      expect(hit.fieldScores.dense).toBeLessThanOrEqual(1.0001);
    }
  });

  it('falls back to lexical search when the embedder fails at query time', async () => {
    const failing: Embedder = {
      modelId: embedder.modelId,
      dimensions: embedder.dimensions,
      embed: async (texts, purpose) => {
        if (purpose === 'query') throw new Error('model server unavailable');
        return embedder.embed(texts, purpose);
      },
    };
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const degraded = new RetrievalService(new InvertedSearchIndex(), {}, failing);
    await degraded.load();
    const result = await degraded.search(request('ワンピース'));
    expect(result.hits[0].id).toBe('MA-0001');
    expect(result.hits.every((h) => h.fieldScores.dense === undefined)).toBe(true);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/lexical only: model server unavailable/),
    );
  });
});
