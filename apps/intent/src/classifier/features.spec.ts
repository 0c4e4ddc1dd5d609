import {
  DEFAULT_FEATURE_OPTIONS,
  featureStrings,
  featurize,
  featurizeFromStrings,
} from './features';
import { hashFeature } from './feature-hash';

const options = DEFAULT_FEATURE_OPTIONS;

describe('featureStrings', () => {
  it('takes character 1-3-grams of Japanese runs after kana folding', () => {
    const features = featureStrings('ワンピース', options);
    // matchKey folds katakana to hiragana and drops the long vowel mark: わんぴす
    expect(features).toEqual(expect.arrayContaining(['j:わ', 'j:わん', 'j:わんぴ', 'j:ぴす']));
    expect(features.some((f) => f.includes('ー'))).toBe(false);
  });

  it('takes boundary-marked character 2-4-grams within English words', () => {
    const features = featureStrings('Volumes', options);
    expect(features).toEqual(
      expect.arrayContaining(['l:<v', 'l:<vo', 'l:<vol', 'l:es>', 'l:mes>']),
    );
    expect(features.some((f) => f.startsWith('l:') && f.includes(' '))).toBe(false);
  });

  it('adds stemmed word tokens and word pairs in both languages', () => {
    expect(featureStrings('stories volumes', options)).toEqual(
      expect.arrayContaining(['w:story', 'w:volume', 'b:story volume']),
    );
    expect(featureStrings('何巻まで出ていますか', options)).toEqual(
      expect.arrayContaining(['w:何', 'w:巻', 'w:まで', 'b:何 巻']),
    );
  });

  it('folds digits so that the shape of a number counts, not its value', () => {
    expect(featureStrings('3巻', options)).toContain('j:巻');
    expect(featureStrings('vol 3', options)).toContain('w:0');
    expect(featureStrings('250-1234567', options)).toEqual(featureStrings('999-7654321', options));
  });

  it('reads full-width and half-width forms like their plain forms', () => {
    expect(featureStrings('ＫＩＮＤＬＥ', options)).toEqual(featureStrings('kindle', options));
    expect(featureStrings('ﾜﾝﾋﾟｰｽ', options)).toEqual(featureStrings('ワンピース', options));
  });
});

describe('featurize', () => {
  it('is L2-normalized with sorted unique indices', () => {
    for (const text of ['ONE PIECEは何巻まで出ていますか？', 'how much is spy x family vol 3']) {
      const { indices, values } = featurize(text, options);
      const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
      expect(norm).toBeCloseTo(1, 10);
      for (let i = 1; i < indices.length; i++) expect(indices[i]).toBeGreaterThan(indices[i - 1]);
      expect(Math.max(...indices)).toBeLessThan(2 ** options.hashBits);
    }
  });

  it('damps repeated words with sublinear term frequency', () => {
    const plain = { ...options, wordBigrams: false, wordTrigrams: false };
    const { indices, values } = featurize('manga manga comic', plain);
    const strings = featureStrings('manga manga comic', plain);
    expect(strings.filter((f) => f === 'w:manga')).toHaveLength(2);
    const valueOf = (feature: string) => {
      const bucket = hashFeature(feature, plain.seed) & (2 ** plain.hashBits - 1);
      return values[indices.indexOf(bucket)];
    };
    expect(valueOf('w:manga') / valueOf('w:comic')).toBeCloseTo(1 + Math.log(2), 1);
  });

  it('normalizes character and word n-grams as blocks, the word block weighted', () => {
    const text = 'how much is vol 3';
    const half = featurize(text, { ...options, wordBlockWeight: 0.5 });
    const double = featurize(text, { ...options, wordBlockWeight: 2 });
    const charOnly = featurize(text, { ...options, wordBlockWeight: 0 });
    // With weight 0 the word buckets are left out; more weight moves mass to them.
    expect(charOnly.indices.length).toBeLessThan(half.indices.length);
    const mass = (v: { values: Float64Array }) => v.values.reduce((a, b) => a + b * b, 0);
    expect(mass(half)).toBeCloseTo(1, 10);
    expect(mass(double)).toBeCloseTo(1, 10);
    expect(Array.from(half.values)).not.toEqual(Array.from(double.values));
  });

  it('gives an empty vector for text without letters, never an exception', () => {
    expect(featurize('🙂🙂', options).indices.length).toBe(0);
    expect(featurize('\u0000\u0001', options).indices.length).toBe(0);
  });

  it('depends on the hash seed', () => {
    const a = featurize('hello', options);
    const b = featurize('hello', { ...options, seed: options.seed + 1 });
    expect(Array.from(a.indices)).not.toEqual(Array.from(b.indices));
  });
});

describe('featurize without intermediate strings', () => {
  it('gives exactly the vector of hashing every feature string', () => {
    for (const text of [
      'ONE PIECEは何巻まで出ていますか？',
      'how much is the kindle version of spy x family vol 3',
      'ｼﾞｮｼﾞｮ 5部 ＫＩＮＤＬＥ版 ありますか',
      '𠮷野家の漫画 🙂 naïve café',
      'where is 注文 250-1234567-1234567 pls',
      '',
    ]) {
      for (const variant of [
        options,
        { ...options, wordBigrams: false, wordTrigrams: false, latinCharGrams: [3, 4] as const },
      ]) {
        const fast = featurize(text, variant);
        const plain = featurizeFromStrings(text, variant);
        expect(Array.from(fast.indices)).toEqual(Array.from(plain.indices));
        expect(Array.from(fast.values)).toEqual(Array.from(plain.values));
      }
    }
  });
});
