import { fromRepoRoot } from '@mangaassist/config';
import { normalizeText } from '@mangaassist/text';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_INJECTION_TRAIN_PATH,
  DEFAULT_NAME_TAGGER_THRESHOLD,
  DEFAULT_PII_TRAIN_PATH,
} from '../../app/guardrails.config';
import { loadNameExamples, parsePiiLines } from './labelled-names';
import { nameCandidates } from './name-candidates';
import { NameTagger, goldSpans } from './name-tagger';
import { TaggedNameDetector } from './tagged-name.detector';

const pieces = (text: string) => nameCandidates(text).map((s) => text.slice(s.start, s.end));

describe('nameCandidates', () => {
  it('offers kanji, kana and mixed runs, with a space inside a full name (ja)', () => {
    const text = '兄の剛に届けて。受取人は一ノ瀬 かなでさん、菊池ゆい宛';
    expect(pieces(text)).toEqual(expect.arrayContaining(['剛', '一ノ瀬 かなで', '菊池ゆい']));
  });

  it('strips particles that glue onto a hiragana name', () => {
    expect(pieces('友達のまりちゃんと買います')).toContain('まり');
  });

  it('offers runs of capitalized, capital or lower-case words, never across a sentence (en)', () => {
    const text =
      'Hi, this is Priya Raman. I paid. Cardholder: MARIA J. DELACRUZ, my name is jake oconnor';
    const found = pieces(text);
    expect(found).toEqual(
      expect.arrayContaining(['Priya Raman', 'MARIA J. DELACRUZ', 'jake oconnor']),
    );
    expect(found).not.toContain('Raman. I');
    expect(pieces('Mateus Carvalho da Silva wrote')).toContain('Mateus Carvalho da Silva');
  });
});

describe('NameTagger', () => {
  const tiny = [
    { text: '兄の健太に送ってください', names: ['健太'] },
    { text: '妹の真央に届けて', names: ['真央'] },
    { text: '兄の部屋に置いて', names: [] },
    { text: 'please send it to my friend Kenji Sato', names: ['Kenji Sato'] },
    { text: 'please send it to my office in Osaka', names: [] },
  ];

  it('is deterministic: the same data gives the same scores', () => {
    const text = '姉の由美に送って';
    const a = NameTagger.train(tiny, 0.5).score(text);
    const b = NameTagger.train(tiny, 0.5).score(text);
    expect(a).toEqual(b);
  });

  it('finds every occurrence of a labelled name as a gold span', () => {
    expect(goldSpans({ text: '山田と山田', names: ['山田'] })).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
  });

  describe('trained on the repository data', () => {
    let tagger: NameTagger;
    beforeAll(async () => {
      const examples = await loadNameExamples(
        fromRepoRoot(DEFAULT_PII_TRAIN_PATH),
        fromRepoRoot(DEFAULT_INJECTION_TRAIN_PATH),
      );
      tagger = NameTagger.train(examples, DEFAULT_NAME_TAGGER_THRESHOLD);
    }, 60_000);

    const tagged = (text: string) => {
      const normalized = normalizeText(text);
      return tagger.tag(normalized).map((s) => normalized.slice(s.start, s.end));
    };

    // Sentences written for this test, not taken from any labelled set. A statistical tagger may
    // miss one; most must come through at the configured threshold.
    const sentences: [string, string][] = [
      ['従妹の早苗に誕生日プレゼントを送りたいです', '早苗'],
      ['受取人は叔母の水嶋 千鶴です', '水嶋 千鶴'],
      ['配達は父の竹之内 勝に頼みました', '竹之内 勝'],
      ['my cousin Beatriz Moura will pick it up', 'Beatriz Moura'],
      ['Regards, Tomasz Wiśniewski', 'Tomasz Wiśniewski'],
      ['please hand it to my neighbour, Olusegun Adeyemi', 'Olusegun Adeyemi'],
    ];

    it('tags most names in new sentences in both languages', () => {
      const found = sentences.filter(([text, name]) => tagged(text).includes(name));
      expect(found.length).toBeGreaterThanOrEqual(4);
    });

    it('tags almost nothing in ordinary shopper messages (intent dev set)', () => {
      const lines = readFileSync(fromRepoRoot('data/intent/dev.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line.trim());
      const withName = lines.filter((line) => tagged(JSON.parse(line).text).length > 0);
      expect(withName.length / lines.length).toBeLessThanOrEqual(0.01);
    });
  });
});

describe('labelled names', () => {
  it('takes PERSON values from PII lines and refuses a malformed file whole', () => {
    const good = JSON.stringify({
      text: '山田様宛て',
      locale: 'ja',
      entities: [
        { type: 'PERSON', value: '山田' },
        { type: 'PHONE', value: '090' },
      ],
    });
    expect(parsePiiLines(`${good}\n`, 'x')).toEqual([{ text: '山田様宛て', names: ['山田'] }]);
    expect(() => parsePiiLines(`${good}\n{"text":1}\nnot json\n`, 'pii.jsonl')).toThrow(
      /pii\.jsonl: 2 bad line\(s\):\n {2}line 2: .*\n {2}line 3: not JSON/,
    );
  });
});

describe('TaggedNameDetector', () => {
  it('finds nothing while the tagger is not trained or switched off', () => {
    expect(new TaggedNameDetector(() => undefined).detect('兄の健太に送って')).toEqual([]);
  });
});
