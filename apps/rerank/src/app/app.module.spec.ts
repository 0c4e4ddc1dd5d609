/** @jest-environment ../../tools/jest/onnx-environment.cjs */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CrossEncoderOnnxReranker } from '../rerank/adapters/cross-encoder-onnx.reranker';
import { FeatureReranker } from '../rerank/adapters/feature.reranker';
import { RERANKER, type Reranker } from '../rerank/reranker';
import { crossEncoderTokenizerJson, tinyCrossEncoder } from '../rerank/testing/tiny-cross-encoder';
import { AppModule } from './app.module';
import { loadRerankConfig } from './rerank.config';

async function rerankerFor(env: NodeJS.ProcessEnv): Promise<Reranker> {
  const app = await NestFactory.createApplicationContext(
    AppModule.forConfig(loadRerankConfig(env)),
    {
      logger: false,
    },
  );
  const reranker = app.get<Reranker>(RERANKER);
  await app.close();
  return reranker;
}

describe('AppModule picks the Reranker adapter from RERANK_MODEL', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('serves the learned feature model by default, with the trained weights', async () => {
    const reranker = await rerankerFor({});
    expect(reranker).toBeInstanceOf(FeatureReranker);
    expect(reranker.modelVersion()).toBe('feature-linear-v2.0.0');
    expect((await rerankerFor({ RERANK_WEIGHTS_VERSION: 'v1' })).modelVersion()).toBe(
      'feature-linear-v1.0.0',
    );
  });

  it('serves a cross-encoder from an ONNX model directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rerank-module-'));
    try {
      writeFileSync(join(dir, 'model.onnx'), tinyCrossEncoder({ pirate: 1 }));
      writeFileSync(join(dir, 'tokenizer.json'), crossEncoderTokenizerJson());
      const reranker = await rerankerFor({
        RERANK_MODEL: 'cross-encoder',
        RERANK_CROSS_ENCODER_DIR: dir,
      });
      expect(reranker).toBeInstanceOf(CrossEncoderOnnxReranker);
      expect(reranker.modelVersion()).toMatch(/^cross-encoder-/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
