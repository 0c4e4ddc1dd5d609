import { DEFAULT_TRAINING_OPTIONS, trainIntentModel } from './intent-training';
import { INTENT_LABELS } from './labelled-examples';
import { fixtureExamples } from './fixtures/fixture-examples';

const { train, dev } = fixtureExamples();

describe('trainIntentModel on the fixture set', () => {
  const model = trainIntentModel(train, dev);

  it('is deterministic: the same data and seed give identical weights, version and predictions', () => {
    const again = trainIntentModel(train, dev);
    expect(Array.from(again.parts.buckets)).toEqual(Array.from(model.parts.buckets));
    expect(Array.from(again.parts.weights)).toEqual(Array.from(model.parts.weights));
    expect(Array.from(again.parts.bias)).toEqual(Array.from(model.parts.bias));
    expect(again.parts.temperature).toBe(model.parts.temperature);
    expect(again.version).toBe(model.version);
    for (const text of ['ワンピースの新刊はいつ？', 'where is my order']) {
      expect(again.predict(text)).toEqual(model.predict(text));
    }
  });

  it('changes version with the shuffle seed, while staying a good model', () => {
    const reseeded = trainIntentModel(train, dev, {
      ...DEFAULT_TRAINING_OPTIONS,
      optimizer: { ...DEFAULT_TRAINING_OPTIONS.optimizer, seed: 7 },
    });
    expect(reseeded.version).not.toBe(model.version);
    expect(reseeded.metrics.devAccuracy).toBeGreaterThan(0.6);
  });

  it('reports metrics measured on dev', () => {
    const m = model.metrics;
    expect(m.trainExamples).toBe(train.length);
    expect(m.devExamples).toBe(dev.length);
    expect(m.devAccuracy).toBeGreaterThan(0.6);
    expect(m.devNll).toBeLessThanOrEqual(m.devNllUncalibrated + 1e-9);
    expect(m.devEce).toBeGreaterThanOrEqual(0);
    expect(m.epochs).toBe(DEFAULT_TRAINING_OPTIONS.optimizer.epochs);
    const runs = DEFAULT_TRAINING_OPTIONS.seedEnsemble;
    expect(m.steps).toBe(runs * m.epochs * Math.ceil(train.length / 32));
    expect(model.version).toMatch(/^intent-softmax-[0-9a-f]{12}$/);
  });

  it('has a positive temperature and calibrated probabilities in [0, 1] summing to 1', () => {
    expect(model.parts.temperature).toBeGreaterThan(0);
    for (const text of ['呪術廻戦の作者は？', 'is there free shipping', '🙂', 'x'.repeat(2000)]) {
      const ranked = model.predict(text);
      expect(ranked.map((r) => r.label).sort()).toEqual([...INTENT_LABELS].sort());
      ranked.forEach((r) => {
        expect(r.probability).toBeGreaterThanOrEqual(0);
        expect(r.probability).toBeLessThanOrEqual(1);
      });
      expect(ranked.reduce((sum, r) => sum + r.probability, 0)).toBeCloseTo(1, 9);
      for (let i = 1; i < ranked.length; i++)
        expect(ranked[i].probability).toBeLessThanOrEqual(ranked[i - 1].probability);
    }
  });

  it.each([
    ['ワンピースの次の巻の発売日はいつですか', 'release_preorder'],
    ['when is the next Kingdom volume out', 'release_preorder'],
    ['返品の送料は誰が払うの？', 'return_refund'],
    ['can I return a damaged book', 'return_refund'],
    ['送料無料になるのは何円から？', 'shipping_delivery'],
    ['how long does shipping take', 'shipping_delivery'],
    ['明日の天気を教えて', 'out_of_scope'],
    ['write me a poem about the sea', 'out_of_scope'],
  ])('predicts %s as %s', (text, label) => {
    expect(model.predict(text)[0].label).toBe(label);
  });

  it('averages a seed ensemble: its weights are the mean of the single-seed models', () => {
    const single = (seed: number) =>
      trainIntentModel(train, dev, {
        ...DEFAULT_TRAINING_OPTIONS,
        seedEnsemble: 1,
        optimizer: { ...DEFAULT_TRAINING_OPTIONS.optimizer, seed },
      });
    const seed = DEFAULT_TRAINING_OPTIONS.optimizer.seed;
    const members = [single(seed), single(seed + 1)];
    const pair = trainIntentModel(train, dev, { ...DEFAULT_TRAINING_OPTIONS, seedEnsemble: 2 });
    for (const i of [0, 17, 1000, pair.parts.weights.length - 1]) {
      const mean = (members[0].parts.weights[i] + members[1].parts.weights[i]) / 2;
      expect(pair.parts.weights[i]).toBeCloseTo(mean, 6);
    }
    expect(pair.version).not.toBe(members[0].version);
  });

  it('trains on any label set given, as the benchmarks do', () => {
    const toy = [
      { text: 'wake me up at six', intent: 'alarm' },
      { text: 'set an alarm for 7', intent: 'alarm' },
      { text: 'will it rain today', intent: 'weather' },
      { text: '明日は晴れますか', intent: 'weather' },
    ];
    const small = trainIntentModel(toy, toy, DEFAULT_TRAINING_OPTIONS, undefined, {
      labels: ['alarm', 'weather'],
    });
    expect(small.labels).toEqual(['alarm', 'weather']);
    expect(small.predict('alarm at 7 please')[0].label).toBe('alarm');
    expect(() =>
      trainIntentModel(toy, [{ text: 'x', intent: 'timer' }], DEFAULT_TRAINING_OPTIONS, undefined, {
        labels: ['alarm', 'weather'],
      }),
    ).toThrow(/dev: unknown label "timer"/);
  });
});
