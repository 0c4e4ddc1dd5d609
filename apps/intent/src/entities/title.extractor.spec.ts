import { loadStoreSnapshot } from '@mangaassist/store-data';
import { TitleIndex } from './title-index';
import { TitleExtractor } from './title.extractor';

describe('TitleExtractor on the store catalog', () => {
  let titles: TitleExtractor;

  beforeAll(async () => {
    titles = new TitleExtractor(new TitleIndex((await loadStoreSnapshot()).items));
  });

  const ids = (text: string) => titles.extract(text)?.ids ?? [];
  const mention = (text: string) => titles.extract(text)?.mention ?? '';

  describe('Japanese', () => {
    it('finds titles written in any width or kana', () => {
      expect(ids('ONE PIECEは何巻まで出ていますか？')[0]).toBe('MA-0001');
      expect(mention('ONE PIECEは何巻まで出ていますか？')).toBe('ONE PIECE');
      expect(ids('ﾜﾝﾋﾟｰｽの新刊')[0]).toBe('MA-0001');
      expect(mention('ﾜﾝﾋﾟｰｽの新刊')).toBe('ﾜﾝﾋﾟｰｽ');
      expect(ids('わんぴーすの最新刊')[0]).toBe('MA-0001');
      expect(ids('ＳＰＹ×ＦＡＭＩＬＹの3巻')[0]).toBe('MA-0019');
      expect(ids('鬼滅の新刊は？')[0]).toBe('MA-0008');
      expect(ids('幽遊白書は全何巻')[0]).toBe('MA-0018');
      expect(mention('ハイキュー売り切れ？')).toBe('ハイキュー');
    });

    it('lets the longest match win', () => {
      expect(ids('ドラゴンボール超の最新刊')).toEqual(['MA-0006']);
      expect(mention('ドラゴンボール超の最新刊')).toBe('ドラゴンボール超');
      expect(ids('呪術廻戦0巻の値段')[0]).toBe('MA-0010');
    });

    it('lists every candidate of a shared short title, best first', () => {
      expect(ids('るろうに剣心の続き')).toEqual(['MA-0057', 'MA-0058']);
    });

    it('does not find short keys inside ordinary words', () => {
      expect(ids('いつになると届きますか')).toEqual([]);
      expect(ids('日常系の漫画を探しています')).toEqual([]);
      expect(ids('うさぎが出てくる漫画')).toEqual([]);
      expect(ids('悪役令嬢もののおすすめ')).toEqual([]);
      expect(ids('送料はいくらですか')).toEqual([]);
    });

    it('accepts an everyday word as a title when it is cued', () => {
      expect(ids('「リアル」の新刊')).toEqual(['MA-0039']);
      expect(ids('日常の3巻')).toEqual(['MA-0254']);
    });

    it('accepts an everyday word as a title when a series fact follows it', () => {
      expect(ids('リアルは完結していますか')).toEqual(['MA-0039']);
      expect(ids('ダイヤっていつから連載してるの？')[0]).toBe('MA-0146');
      expect(ids('一歩は今何巻まで出てる？')[0]).toBe('MA-0067');
      expect(ids('フリーダイヤルの番号を教えて')).toEqual([]);
      expect(ids('ダイヤが乱れてて遅れそう')).toEqual([]);
    });
  });

  describe('English', () => {
    it('finds titles regardless of case and macrons', () => {
      expect(ids('how much is the kindle version of spy x family vol 3')[0]).toBe('MA-0019');
      expect(mention('how much is the kindle version of spy x family vol 3')).toBe('spy x family');
      expect(ids('is wan pīsu finished')[0]).toBe('MA-0001');
      expect(ids('Is Attack on Titan finished?')[0]).toBe('MA-0059');
      expect(ids('who wrote the promised neverland')[0]).toBe('MA-0045');
      expect(ids('promised neverland vol 2')[0]).toBe('MA-0045');
    });

    it('forgives one typo in a long title', () => {
      expect(ids('one peace vol 100')[0]).toBe('MA-0001');
      expect(mention('one peace vol 100')).toBe('one peace');
      expect(ids('is jujutsu kaisenn over')[0]).toBe('MA-0009');
      expect(mention('is jujutsu kaisenn over')).toBe('jujutsu kaisenn');
    });

    it('requires word boundaries and capitals for two-letter aliases', () => {
      expect(ids('is OP vol 3 in stock')[0]).toBe('MA-0001');
      expect(ids('please stop the order')).toEqual([]);
      expect(ids('op vol 3')).toEqual([]);
      expect(ids('ONE PIECE VS NARUTO')).toEqual(['MA-0001', 'MA-0002']);
    });

    it('does not read everyday words as titles', () => {
      expect(ids('I want to talk to a real person')).toEqual([]);
      expect(ids('any monster manga for kids?')).toEqual([]);
      expect(ids('look back at my order history')).toEqual([]);
      expect(ids('how much is shipping')).toEqual([]);
      expect(ids('when will my order arrive')).toEqual([]);
    });

    it('accepts an everyday word as a title when it is cued', () => {
      expect(ids('is MONSTER complete')).toEqual(['MA-0152']);
      expect(ids('Real vol 15 price')).toEqual(['MA-0039']);
      expect(ids('is vol 5 of kingdom in stock')).toEqual(['MA-0031']);
      expect(ids('the next kingdom volume')).toEqual(['MA-0031']);
    });

    it('accepts an everyday word as a title when a series fact follows it', () => {
      expect(ids('has Monster ended yet?')).toEqual(['MA-0152']);
      expect(ids('is kingdom finished')).toEqual(['MA-0031']);
      expect(ids('is Blame! finished?')[0]).toBe('MA-0266');
      expect(ids('the monster ended up being the good guy')).toEqual([]);
      expect(ids('I want to talk to a real person, is my order finished')).toEqual([]);
    });
  });

  it('never throws on odd text and stays fast on 2,000 characters', () => {
    for (const text of [
      '',
      '🙂🙂🙂',
      '\u0000\u0001',
      '\uD800abc',
      'x'.repeat(2000),
      '漫'.repeat(2000),
    ]) {
      expect(() => titles.extract(text)).not.toThrow();
    }
    const long = 'looking for a pirate adventure manga with friends and treasure '
      .repeat(40)
      .slice(0, 2000);
    expect(titles.extract(long)).toBeUndefined();
  });
});
