import { kanaToRomaji } from './romaji';

describe('kanaToRomaji', () => {
  it.each([
    ['しんげきのきょじん', 'shingekinokyojin'],
    ['じゅじゅつかいせん', 'jujutsukaisen'],
    ['ぼっちざろっく', 'botchizarokku'],
    ['ちぇんそーまん', 'chensoman'],
    ['きよひこ', 'kiyohiko'],
    ['ﾜﾝﾋﾟｰｽ', 'wanpisu'],
    ['グラップラー バキ', 'gurappurabaki'],
    ['ふぁいあぱんち', 'faiapanchi'],
  ])('%s -> %s', (kana, romaji) => expect(kanaToRomaji(kana)).toBe(romaji));

  it('is undefined for text that is not all kana', () => {
    expect(kanaToRomaji('進撃の巨人')).toBeUndefined();
    expect(kanaToRomaji('one piece')).toBeUndefined();
    expect(kanaToRomaji('')).toBeUndefined();
  });
});
