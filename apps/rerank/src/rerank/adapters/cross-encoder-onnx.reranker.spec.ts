/** @jest-environment ../../tools/jest/onnx-environment.cjs */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Format, Intent } from '@mangaassist/contracts';
import { Logger } from '@nestjs/common';
import type { RerankQuery } from '../reranker';
import { type HitFactory, storeHitFactory } from '../testing/store-hits';
import { crossEncoderTokenizerJson, tinyCrossEncoder } from '../testing/tiny-cross-encoder';
import {
  CrossEncoderError,
  CrossEncoderOnnxReranker,
  documentText,
} from './cross-encoder-onnx.reranker';

const query = (text: string): RerankQuery => ({
  text,
  intent: Intent.PRODUCT_SEARCH,
  titleIds: [],
  volume: 0,
  format: Format.UNSPECIFIED,
});

describe('CrossEncoderOnnxReranker (a real onnxruntime session on a tiny generated model)', () => {
  let dir: string;
  let hit: HitFactory;
  let reranker: CrossEncoderOnnxReranker;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    hit = await storeHitFactory();
    dir = mkdtempSync(join(tmpdir(), 'cross-encoder-'));
    // "pirate" and 海賊 (kanji split one by one, as BERT does) make a document relevant.
    writeFileSync(
      join(dir, 'model.onnx'),
      tinyCrossEncoder({ pirate: 2, 海: 1, 賊: 1, doctor: -1 }),
    );
    writeFileSync(join(dir, 'tokenizer.json'), crossEncoderTokenizerJson());
    reranker = new CrossEncoderOnnxReranker(dir);
    await reranker.onModuleInit();
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('names the model by its directory and content', () => {
    expect(reranker.modelVersion()).toMatch(/^cross-encoder-cross-encoder-\w+-[0-9a-f]{12}$/);
  });

  it('scores each (question, document) pair, in candidate order (ja + en)', async () => {
    const candidates = ['MA-0152', 'MA-0001', 'MA-0046'].map((id, i) => ({
      hit: hit(id, 1),
      retrievalRank: i + 1,
    }));
    for (const text of ['pirate manga', '海賊の漫画']) {
      const scores = await reranker.score(query(text), candidates);
      expect(scores).toHaveLength(3);
      // One Piece's text is about pirates (海賊王); Monster is about a doctor.
      expect(scores[1]).toBeGreaterThan(scores[2]);
      expect(scores[2]).toBeGreaterThan(scores[0]);
    }
  });

  it('gives the same score to a candidate whatever else is in the batch', async () => {
    const alone = await reranker.score(query('pirate'), [
      { hit: hit('MA-0001', 1), retrievalRank: 1 },
    ]);
    const many = await reranker.score(
      query('pirate'),
      Array.from({ length: 20 }, (_, i) => ({
        hit: hit(i === 17 ? 'MA-0001' : 'POL-001', 1),
        retrievalRank: i + 1,
      })),
    );
    expect(many[17]).toBeCloseTo(alone[0], 4);
  });

  it('reads a document as title, authors, genres and synopsis in both languages', () => {
    const text = documentText(hit('MA-0001', 1).document);
    expect(text).toContain('ONE PIECE / One Piece');
    expect(text).toContain('尾田栄一郎 Eiichiro Oda');
    expect(text).toContain('pirates');
  });

  it('fails at start with the reason when the directory is incomplete', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cross-encoder-empty-'));
    try {
      await expect(new CrossEncoderOnnxReranker(empty).onModuleInit()).rejects.toThrow(
        CrossEncoderError,
      );
      writeFileSync(join(empty, 'model.onnx'), tinyCrossEncoder({}));
      await expect(new CrossEncoderOnnxReranker(empty).onModuleInit()).rejects.toThrow(
        /no tokenizer\.json or vocab\.txt/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
