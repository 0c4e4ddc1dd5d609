import { fromRepoRoot } from '@mangaassist/config';
import { FIXTURE_DEV_PATH, FIXTURE_TRAIN_PATH } from '../classifier/fixtures/fixture-examples';
import { TrainingClassifierSource } from '../intent/adapters/training.classifier-source';
import { loadIntentRuntime } from '../intent/intent-runtime';
import { percentile, summarize, timeClassify } from './classify-bench';

describe('classify bench', () => {
  it('summarizes latencies as percentiles', () => {
    const durations = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(durations, 50)).toBe(51);
    expect(percentile(durations, 99)).toBe(100);
    expect(summarize(durations)).toMatchObject({
      calls: 100,
      p50_ms: 51,
      max_ms: 100,
      mean_ms: 50.5,
    });
  });

  it('times the real pipeline over a Japanese and English mix', async () => {
    const runtime = await loadIntentRuntime(
      { catalogPath: fromRepoRoot('data/catalog/catalog.jsonl'), minConfidence: 0.45 },
      new TrainingClassifierSource(FIXTURE_TRAIN_PATH, FIXTURE_DEV_PATH),
    );
    const summary = await timeClassify(
      runtime.pipeline,
      ['ワンピースの新刊はいつ？', 'where is my order', '🙂'],
      30,
      3,
    );
    expect(summary.calls).toBe(30);
    expect(summary.p50_ms).toBeGreaterThan(0);
    expect(summary.p99_ms).toBeGreaterThanOrEqual(summary.p50_ms);
    await expect(timeClassify(runtime.pipeline, [], 1, 0)).rejects.toThrow(/mix is empty/);
  });
});
