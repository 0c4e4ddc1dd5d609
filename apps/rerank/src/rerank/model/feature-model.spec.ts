import { readFileSync } from 'node:fs';
import { fromRepoRoot } from '@mangaassist/config';
import { DEFAULT_FEATURE_WEIGHTS } from '../../app/rerank.config';
import { FEATURE_NAMES } from '../features/feature-extractor';
import { FeatureModelError, loadFeatureModel, parseFeatureWeights } from './feature-model';

const shipped = () => JSON.parse(readFileSync(fromRepoRoot(DEFAULT_FEATURE_WEIGHTS), 'utf8'));

describe('feature weights file', () => {
  it('loads the shipped trained file with a model version, every feature and its training', async () => {
    const model = await loadFeatureModel(fromRepoRoot(DEFAULT_FEATURE_WEIGHTS));
    expect(model.version).toBe('feature-linear-v2.0.0');
    const names: string[] = shipped().features.map((f: { name: string }) => f.name);
    for (const feature of FEATURE_NAMES) expect(names).toContain(feature);
    expect(shipped().training).toMatchObject({
      method: expect.stringMatching(/pairwise/),
      data: expect.stringMatching(/^data\/rerank\/train\.jsonl sha256:[0-9a-f]{16}$/),
      metrics: expect.objectContaining({ 'validation_reranked_ndcg@10': expect.any(Number) }),
    });
  });

  it('still loads the hand-set v1 file, the prior of training', async () => {
    const v1 = await loadFeatureModel(
      fromRepoRoot('apps/rerank/src/rerank/model/feature-weights.v1.json'),
    );
    expect(v1.version).toBe('feature-linear-v1.0.0');
  });

  it('scores bias + Σ weight × value, ignoring features without a weight', () => {
    const model = parseFeatureWeights(
      {
        format: 'mangaassist.rerank.feature-weights/v1',
        model_version: 'test-1',
        model: 'linear',
        bias: 0.5,
        features: [
          { name: 'retrieval_score', weight: 2 },
          { name: 'field.title', weight: -1 },
        ],
      },
      'inline',
    );
    expect(model.score({ retrieval_score: 0.5, 'field.title': 0.25, popularity: 1 })).toBeCloseTo(
      1.25,
    );
  });

  it('rejects unknown or duplicate features and bad weights, naming the problem', () => {
    const bad = (change: (json: Record<string, unknown>) => void) => {
      const json = shipped();
      change(json);
      return () => parseFeatureWeights(json, 'weights.json');
    };
    expect(
      bad((j) => ((j.features as object[])[0] = { name: 'retrieval_scor', weight: 1 })),
    ).toThrow(/features\.0\.name: unknown feature/);
    expect(bad((j) => (j.features as object[]).push({ name: 'popularity', weight: 1 }))).toThrow(
      /unique/,
    );
    expect(
      bad((j) => ((j.features as object[])[0] = { name: 'popularity', weight: 'high' })),
    ).toThrow(FeatureModelError);
    expect(bad((j) => (j.format = 'v2'))).toThrow(/format/);
  });

  it('fails loading with the path when the file is missing or not JSON', async () => {
    await expect(loadFeatureModel('/nonexistent/weights.json')).rejects.toThrow(
      /\/nonexistent\/weights\.json: cannot read/,
    );
  });
});
