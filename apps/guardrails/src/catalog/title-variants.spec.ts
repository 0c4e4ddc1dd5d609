import { titleVariants } from './title-variants';

describe('titleVariants', () => {
  it('strips Japanese decorations, brackets and subtitles', () => {
    expect(titleVariants('NARUTO -ナルト-')).toEqual(['NARUTO -ナルト-', 'NARUTO']);
    expect(titleVariants('BORUTO-ボルト- -NARUTO NEXT GENERATIONS-')).toEqual([
      'BORUTO-ボルト- -NARUTO NEXT GENERATIONS-',
      'BORUTO-ボルト-',
      'BORUTO',
    ]);
    expect(titleVariants('【推しの子】')).toEqual(['【推しの子】', '推しの子']);
    expect(titleVariants('るろうに剣心―明治剣客浪漫譚―')).toEqual([
      'るろうに剣心―明治剣客浪漫譚―',
      'るろうに剣心',
    ]);
  });

  it('keeps hyphenated English titles whole and splits subtitles', () => {
    expect(titleVariants('One-Punch Man')).toEqual(['One-Punch Man']);
    expect(titleVariants('Akane-banashi')).toEqual(['Akane-banashi']);
    expect(titleVariants('Demon Slayer: Kimetsu no Yaiba')).toEqual([
      'Demon Slayer: Kimetsu no Yaiba',
      'Demon Slayer',
    ]);
    expect(titleVariants("JoJo's Bizarre Adventure (Parts 1-6)")).toEqual([
      "JoJo's Bizarre Adventure (Parts 1-6)",
      "JoJo's Bizarre Adventure",
    ]);
  });
});
