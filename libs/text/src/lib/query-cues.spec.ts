import { asksForSimilar } from './query-cues';

describe('asksForSimilar', () => {
  it.each([
    'something like one piece',
    'manga like haikyu',
    'similar to attack on titan',
    'I loved Frieren, what should I read next?',
    'if you like spy x family',
    'ワンピースみたいな冒険漫画',
    '進撃の巨人に似た漫画',
    'ハイキューっぽいスポーツ漫画',
    'フリーレンが好きな人におすすめ',
    'スラムダンクが好きならおすすめは？',
  ])('%s -> yes', (text) => expect(asksForSimilar(text)).toBe(true));

  it.each([
    "I'd like the one piece box set",
    'I would like to return a book',
    'I like nana a lot',
    '進撃の巨人が読みたい',
    'ワンピースを読んでみたい',
    'one piece',
  ])('%s -> no', (text) => expect(asksForSimilar(text)).toBe(false));
});
