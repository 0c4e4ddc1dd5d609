import { type Facet, detectFacets, mentionedFormat, mentionedVolume } from './question-facets';

describe('detectFacets', () => {
  const cases: [string, Facet[]][] = [
    ['ONE PIECEは何巻まで出ていますか？', ['volumes']],
    ['呪術廻戦の巻数を教えて', ['volumes']],
    ['How many volumes of One Piece are out?', ['volumes']],
    ['ワンピースの作者は誰？', ['author']],
    ['ボルトは誰が書いてるの', ['author']],
    ['Who wrote Boruto?', ['author']],
    ['Who is the mangaka of Chainsaw Man?', ['author']],
    ['ハガレンって誰の作品？', ['author']],
    ['Who published Barefoot Gen first?', ['publisher']],
    ['How many tankobon of Touch have been published?', ['volumes']],
    ['ヘルタースケルター、単行本は何巻まで出ていますか', ['volumes']],
    ['単行本はありますか', ['formats']],
    ['鬼滅の刃の値段はいくら？', ['price']],
    ['How much does Naruto cost?', ['price']],
    ['スラムダンクは在庫ありますか', ['stock']],
    ['Is Slam Dunk in stock?', ['stock']],
    ['Kindle版はありますか', ['formats']],
    ['Is it available as an e-book?', ['formats', 'stock']],
    ['ワンピースの次の巻はいつ出る？', ['next_volume']],
    ['新刊の発売日と予約について', ['next_volume']],
    ['When is vol 117 out?', ['next_volume']],
    ['Can I preorder the next volume?', ['next_volume']],
    ['ナルトは完結してる？', ['status']],
    ['Is Berserk on hiatus?', ['status']],
    ['Is Naruto completed?', ['status']],
    ['いつから連載してるの？', ['start_year']],
    ['When did it start?', ['start_year']],
    ['出版社と掲載誌は？', ['publisher']],
    ['Which magazine serialized it?', ['publisher']],
    ['どんな話ですか？', ['synopsis']],
    ["What's it about?", ['synopsis']],
    ['ジャンルは何？', ['genre']],
    ['What genre is it?', ['genre']],
    ['対象年齢は？', ['age_rating']],
    ['What is the age rating?', ['age_rating']],
    ['全巻セットはありますか', ['box_set']],
    ['Is there a box set?', ['box_set']],
    ['Is there a complete set of Naruto?', ['box_set']],
    ['ワンピースに似た作品は？', ['similar']],
    ['Any manga like One Piece?', ['similar']],
  ];

  it.each(cases)('%s -> %j', (question, facets) => {
    expect(detectFacets(question)).toEqual(facets);
  });

  it('finds several facets in one question, in presentation order', () => {
    expect(detectFacets('ワンピースの作者と値段と在庫を教えて')).toEqual([
      'author',
      'price',
      'stock',
    ]);
    expect(detectFacets('Who drew Naruto and how much is the box set?')).toEqual([
      'author',
      'price',
      'box_set',
    ]);
  });

  it('finds nothing in a bare title, emoji or control characters', () => {
    expect(detectFacets('ONE PIECE')).toEqual([]);
    expect(detectFacets('Frieren')).toEqual([]);
    expect(detectFacets('📚📚📚')).toEqual([]);
    expect(detectFacets('\u0000\u0007\uD800')).toEqual([]);
  });

  it('reads full-width text as its normal form', () => {
    expect(detectFacets('ＫＩＮＤＬＥ版はある？')).toEqual(['formats']);
    expect(detectFacets('ＨＯＷ ＭＵＣＨ？')).toEqual(['price']);
  });

  it('does not take "shop" or "page" for a facet keyword', () => {
    expect(detectFacets('Is this shop open on the product page?')).toEqual([]);
  });
});

describe('mentionedVolume', () => {
  it('reads Japanese and English volume numbers', () => {
    expect(mentionedVolume('ONE PIECE 117巻はいつ？')).toBe(117);
    expect(mentionedVolume('呪術廻戦の第３巻')).toBe(3);
    expect(mentionedVolume('When is vol. 117 out?')).toBe(117);
    expect(mentionedVolume('Is volume 5 in stock?')).toBe(5);
  });

  it('ignores a question without a volume number', () => {
    expect(mentionedVolume('何巻まで出ていますか')).toBeUndefined();
    expect(mentionedVolume('How many volumes are there?')).toBeUndefined();
    expect(mentionedVolume('20世紀少年の値段')).toBeUndefined();
    expect(mentionedVolume('500円以下のマンガ')).toBeUndefined();
  });
});

describe('mentionedFormat', () => {
  it('names the one edition asked about', () => {
    expect(mentionedFormat('Kindle版はありますか')).toBe('kindle');
    expect(mentionedFormat('電子書籍で読みたい')).toBe('kindle');
    expect(mentionedFormat('紙の本はいくら？')).toBe('print');
    expect(mentionedFormat('Is it on Kindle?')).toBe('kindle');
    expect(mentionedFormat('How much is the paperback?')).toBe('print');
  });

  it('is undefined when none or both are named', () => {
    expect(mentionedFormat('値段は？')).toBeUndefined();
    expect(mentionedFormat('紙の本とKindle版、どっちが安い？')).toBeUndefined();
    expect(mentionedFormat('Print or Kindle?')).toBeUndefined();
  });
});
