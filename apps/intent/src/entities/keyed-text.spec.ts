import { keyText, titleKey } from './keyed-text';

describe('keyText', () => {
  it('folds width, kana, case, macrons and punctuation into one key', () => {
    expect(titleKey('ONE PIECE')).toBe('onepiece');
    expect(titleKey('Ｏｎｅ　Ｐｉｅｃｅ')).toBe('onepiece');
    expect(titleKey('Wan Pīsu')).toBe(titleKey('wan pisu'));
    expect(titleKey('ワンピース')).toBe(titleKey('わんぴーす'));
    expect(titleKey('ﾜﾝﾋﾟｰｽ')).toBe(titleKey('ワンピース'));
    expect(titleKey('SPY×FAMILY')).toBe(titleKey('spy x family'));
    expect(titleKey('幽☆遊☆白書')).toBe(titleKey('幽遊白書'));
  });

  it('maps every key character back to the original span', () => {
    const text = 'I love ＯＮＥ　ＰＩＥＣＥ!';
    const keyed = keyText(text);
    const at = keyed.key.indexOf('onepiece');
    expect(text.slice(keyed.start[at], keyed.end[at + 'onepiece'.length - 1])).toBe(
      'ＯＮＥ　ＰＩＥＣＥ',
    );
  });

  it('keeps offsets aligned across emoji, surrogate pairs and control characters', () => {
    const text = '🙂\u0000𠮷野家のﾜﾝﾋﾟｰｽ\uD800';
    const keyed = keyText(text);
    expect(keyed.start).toHaveLength(keyed.key.length);
    const at = keyed.key.indexOf(titleKey('ワンピース'));
    expect(text.slice(keyed.start[at], keyed.end[at + titleKey('ワンピース').length - 1])).toBe(
      'ﾜﾝﾋﾟｰｽ',
    );
  });

  it('gives an empty key for text without letters or digits', () => {
    expect(keyText('!!! 🙂 ...').key).toBe('');
  });
});
