import { create } from '@bufbuild/protobuf';
import { EntitiesSchema, Format, Intent, Role } from '@mangaassist/contracts';
import type { LocaleCode } from '@mangaassist/text';
import { type StoreFixtures, composeInput, storeFixtures } from '../testing/store.fixtures';
import type { ComposedAnswer } from './composed-answer';
import { ProductAnswerComposer } from './product-answer.composer';

describe('ProductAnswerComposer on real catalog records', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  function answer(
    question: string,
    locale: LocaleCode,
    ids: string[],
    extra: Parameters<typeof composeInput>[0] extends infer T ? Partial<T> : never = {},
  ): ComposedAnswer {
    const items = ids.map((id) => store.item(id));
    const input = composeInput({ question, locale, evidence: store.docs(...ids), ...extra });
    return new ProductAnswerComposer(input, items).compose();
  }

  describe('volume count', () => {
    it('answers 何巻 with the exact count and cites the series (ja)', () => {
      const a = answer('ONE PIECEは何巻まで出ていますか？', 'ja', ['MA-0001']);
      expect(a.text).toContain('116巻');
      expect(a.text).toBe('『ONE PIECE』は現在116巻まで発売されています。');
      expect(a.citations).toEqual([{ id: 'MA-0001', title: 'ONE PIECE' }]);
    });

    it('answers "how many volumes" with the exact count (en)', () => {
      const a = answer('How many volumes of One Piece are out?', 'en', ['MA-0001']);
      expect(a.text).toContain('116');
      expect(a.text).toBe('One Piece has 116 volumes out so far.');
      expect(a.citations).toEqual([{ id: 'MA-0001', title: 'One Piece' }]);
    });

    it('says a completed series is complete in N volumes', () => {
      expect(answer('NARUTOは全何巻？', 'ja', ['MA-0002']).text).toContain('全72巻で完結');
      expect(answer('How many volumes does Naruto have?', 'en', ['MA-0002']).text).toBe(
        'Naruto is complete in 72 volumes.',
      );
    });
  });

  describe('author', () => {
    it('names the author in the locale', () => {
      expect(answer('ONE PIECEの作者は誰？', 'ja', ['MA-0001']).text).toBe(
        '『ONE PIECE』の作者は尾田栄一郎です。',
      );
      expect(answer('Who wrote One Piece?', 'en', ['MA-0001']).text).toBe(
        'One Piece is written and drawn by Eiichiro Oda.',
      );
    });

    it('separates story and art when different people did them', () => {
      expect(answer('ボルトの作者は？', 'ja', ['MA-0003']).text).toContain(
        '原作は岸本斉史・小太刀右京、作画は池本幹雄です。',
      );
      expect(answer('Who drew Boruto?', 'en', ['MA-0003']).text).toContain(
        'written by Masashi Kishimoto and Ukyo Kodachi and drawn by Mikio Ikemoto',
      );
    });
  });

  describe('price and formats', () => {
    it('gives the price of every format sold', () => {
      const ja = answer('呪術廻戦0の値段は？', 'ja', ['MA-0010']).text;
      expect(ja).toContain('紙の本528円');
      expect(ja).toContain('Kindle版451円');
      const en = answer('How much is Jujutsu Kaisen 0?', 'en', ['MA-0010']).text;
      expect(en).toContain('¥528 in print');
      expect(en).toContain('¥451 on Kindle');
    });

    it('gives only the price of the format asked about', () => {
      const ja = answer('呪術廻戦0のKindle版はいくら？', 'ja', ['MA-0010']).text;
      expect(ja).toContain('Kindle版は販売中で、価格は各巻451円');
      expect(ja).not.toContain('528円');
      const en = answer('How much is the print edition?', 'en', ['MA-0010'], {
        entities: create(EntitiesSchema, { format: Format.PRINT }),
      }).text;
      expect(en).toContain('available in print at ¥528 per volume');
      expect(en).not.toContain('¥451');
    });

    it('does not price a format that only stands for "volumes" (単行本 / tankobon)', () => {
      const print = { entities: create(EntitiesSchema, { format: Format.PRINT }) };
      const ja = answer(
        'ヘルタースケルター、単行本は何巻まで出ていますか',
        'ja',
        ['MA-0278'],
        print,
      ).text;
      expect(ja).toBe('『ヘルタースケルター』は全1巻で完結しています。');
      const en = answer(
        'How many tankobon of Touch have been published?',
        'en',
        ['MA-0133'],
        print,
      ).text;
      expect(en).not.toMatch(/¥|published by/);
      expect(en).toMatch(/volumes/);
    });

    it('says when the format asked about is not sold, and what is', () => {
      const ja = answer('SLAM DUNKのKindle版はありますか', 'ja', ['MA-0037']).text;
      expect(ja).toContain('Kindle版は取り扱っていません');
      expect(ja).toContain('紙の本は各巻484円');
      const en = answer('Can I get Slam Dunk?', 'en', ['MA-0037'], {
        entities: create(EntitiesSchema, { format: Format.KINDLE }),
      }).text;
      expect(en).toContain('Slam Dunk is not available on Kindle');
      expect(en).toContain('sold in print at ¥484 per volume');
    });

    it('tells print-only and Kindle-only series apart', () => {
      expect(answer('What formats is Slam Dunk sold in?', 'en', ['MA-0037']).text).toContain(
        'print only',
      );
      expect(answer('ダッシュ!四駆郎の在庫は？', 'ja', ['MA-0095']).text).toContain(
        'Kindle版のみの取り扱い',
      );
    });
  });

  describe('stock', () => {
    it("uses the store's stock wording", () => {
      expect(answer('スラムダンクの在庫は？', 'ja', ['MA-0037']).text).toContain('「残りわずか」');
      expect(answer('Is Naruto in stock?', 'en', ['MA-0002']).text).toContain('Backorder');
      expect(answer('Is Naruto in stock?', 'en', ['MA-0002']).text).toContain(
        'Kindle edition is also sold',
      );
      expect(answer('乙嫁語りは在庫ありますか', 'ja', ['MA-0080']).text).toContain('「在庫切れ」');
    });
  });

  describe('next volume and preorders', () => {
    it('gives the next volume, its date and open preorders', () => {
      const ja = answer('ONE PIECEの次の巻はいつ出る？', 'ja', ['MA-0001']).text;
      expect(ja).toBe(
        '『ONE PIECE』の次の巻（第117巻）は2026年12月4日発売予定です。現在、予約を受け付けています。',
      );
      const en = answer('When is the next One Piece volume out?', 'en', ['MA-0001']).text;
      expect(en).toContain('volume 117');
      expect(en).toContain('2026-12-04');
      expect(en).toContain('Preorders are open now.');
    });

    it('says when preorders have not opened yet', () => {
      const ja = answer('SPY×FAMILYの新刊の予約はできる？', 'ja', ['MA-0019']).text;
      expect(ja).toContain('第18巻');
      expect(ja).toContain('2027年4月15日');
      expect(ja).toContain('予約の受付はまだ始まっていません');
      expect(answer('Can I preorder the next Spy x Family?', 'en', ['MA-0019']).text).toContain(
        'Preorders have not opened yet.',
      );
    });

    it('says an ongoing series has no announced next volume, and a completed one has none', () => {
      expect(answer('ボルト TBVの新刊はいつ？', 'ja', ['MA-0004']).text).toContain(
        '次の巻の発売日はまだ発表されていません（既刊7巻）',
      );
      expect(answer('Is there a next volume of Naruto?', 'en', ['MA-0002']).text).toContain(
        'no further volumes are planned',
      );
    });

    it('answers about the volume the shopper named', () => {
      const out = answer('Is volume 105 of One Piece out?', 'en', ['MA-0001'], {
        entities: create(EntitiesSchema, { volume: 105 }),
      }).text;
      expect(out).toBe('Volume 105 of One Piece is already out (116 volumes so far).');
      const next = answer('ONE PIECE 117巻はいつ発売？', 'ja', ['MA-0001']).text;
      expect(next).toBe(
        '『ONE PIECE』第117巻は2026年12月4日発売予定です。現在、予約を受け付けています。',
      );
      const beyond = answer('When is vol 130 of One Piece out?', 'en', ['MA-0001']).text;
      expect(beyond).toContain('Volume 130 of One Piece has not been announced yet');
      expect(beyond).toContain('volume 117, is scheduled for release on 2026-12-04');
      expect(answer('NARUTO 80巻は出ますか', 'ja', ['MA-0002']).text).toContain(
        '全72巻で完結しているため、第80巻は発売されません',
      );
    });
  });

  describe('status and other facets', () => {
    it('gives a completed status with its end year', () => {
      expect(answer('NARUTOは完結してる？', 'ja', ['MA-0002']).text).toBe(
        '『NARUTO -ナルト-』は完結済みです（全72巻、2014年完結）。',
      );
      expect(answer('Is Naruto finished?', 'en', ['MA-0002']).text).toBe(
        'Naruto is completed: it ended in 2014 with 72 volumes.',
      );
    });

    it('gives hiatus and ongoing statuses with the volume count', () => {
      expect(answer('ドラゴンボール超は休載中？', 'ja', ['MA-0006']).text).toContain(
        '現在休載中です（既刊23巻）',
      );
      expect(answer('Is One Piece still ongoing?', 'en', ['MA-0001']).text).toBe(
        'One Piece is ongoing, with 116 volumes out so far.',
      );
    });

    it('answers start year, publisher, synopsis, genre and age rating from the record', () => {
      const ja = answer('ONE PIECEのあらすじ、ジャンル、出版社、いつから？対象年齢は？', 'ja', [
        'MA-0001',
      ]).text;
      expect(ja).toContain('連載開始は1997年です');
      expect(ja).toContain('出版社は集英社です');
      expect(ja).toContain('「週刊少年ジャンプ」');
      expect(ja).toContain(store.item('MA-0001').synopsisJa);
      expect(ja).toContain('アクション・冒険・ファンタジー・コメディ');
      expect(ja).toContain('年齢区分は「13+」です');
      const en = answer(
        'What is Berserk about, who publishes it and what is the age rating?',
        'en',
        ['MA-0187'],
      ).text;
      expect(en).toContain(store.item('MA-0187').synopsisEn);
      expect(en).toContain('Hakusensha');
      expect(en).toContain('rated 18+');
    });

    it('gives the box set with its price, or says there is none', () => {
      expect(answer('ONE PIECEの全巻セットはある？', 'ja', ['MA-0001']).text).toContain(
        'ボックスセット（第1〜100巻）は50,200円（税込）です',
      );
      expect(answer('Is there a box set of One Piece?', 'en', ['MA-0001']).text).toContain(
        '(volumes 1-100) is available for ¥50,200',
      );
      expect(answer('Is there a box set of Spy x Family?', 'en', ['MA-0019']).text).toContain(
        "we don't carry a box set",
      );
    });

    it('names similar series from the evidence and cites them after the focus', () => {
      const a = answer('ワンピースに似た作品は？', 'ja', ['MA-0001', 'MA-0249', 'MA-0002']);
      expect(a.text).toContain('『NARUTO -ナルト-』');
      expect(a.citations.map((c) => c.id)).toEqual(['MA-0001', 'MA-0002', 'MA-0249']);
      const en = answer('Any manga similar to One Piece?', 'en', ['MA-0001', 'MA-0002']);
      expect(en.text).toBe('If you like One Piece, you might also enjoy Naruto.');
    });
  });

  describe('no facet', () => {
    it('gives a compact profile: title, author, volumes, status, price', () => {
      expect(answer('ONE PIECE', 'ja', ['MA-0001']).text).toBe(
        '『ONE PIECE』は尾田栄一郎の作品です。連載中で、現在116巻まで発売されています。価格は各巻、紙の本528円、Kindle版528円（税込）です。',
      );
      expect(answer('Jujutsu Kaisen', 'en', ['MA-0009']).text).toBe(
        'Jujutsu Kaisen (呪術廻戦) is by Gege Akutami. It is completed: it ended in 2024 with 30 volumes. It costs ¥528 in print and ¥528 on Kindle per volume (tax included).',
      );
    });

    it('falls back to price and stock for an availability turn, next volume for a release turn', () => {
      const price = answer('ワンピース', 'ja', ['MA-0001'], { intent: Intent.AVAILABILITY_PRICE });
      expect(price.text).toContain('528円');
      expect(price.text).toContain('在庫あり');
      const release = answer('One Piece', 'en', ['MA-0001'], { intent: Intent.RELEASE_PREORDER });
      expect(release.text).toContain('2026-12-04');
    });
  });

  describe('which series', () => {
    it('answers about the first evidence item', () => {
      const a = answer('How much is it?', 'en', ['MA-0002', 'MA-0001']);
      expect(a.text).toContain('Naruto');
      expect(a.citations[0].id).toBe('MA-0002');
    });

    it('resolves "it / それ" from history only when several items came back', () => {
      const history = [
        {
          $typeName: 'mangaassist.common.v1.HistoryTurn' as const,
          role: Role.SHOPPER,
          text: 'ナルトについて教えて',
        },
      ];
      const ja = answer('それの値段は？', 'ja', ['MA-0001', 'MA-0002'], { history });
      expect(ja.text).toContain('『NARUTO -ナルト-』');
      expect(ja.citations).toEqual([{ id: 'MA-0002', title: 'NARUTO -ナルト-' }]);
      const en = answer('How much is it?', 'en', ['MA-0001', 'MA-0002'], {
        history: [{ ...history[0], text: 'Tell me about Naruto' }],
      });
      expect(en.text).toContain('Naruto costs ¥506');
      // A question that names a series keeps the best match.
      const named = answer('How much is One Piece?', 'en', ['MA-0001', 'MA-0002'], {
        history: [{ ...history[0], text: 'Tell me about Naruto' }],
      });
      expect(named.text).toContain('One Piece costs');
    });
  });

  it('writes the same answer for the same request', () => {
    const first = answer('ONE PIECEの作者と値段と次の巻は？', 'ja', ['MA-0001', 'MA-0002']);
    const second = answer('ONE PIECEの作者と値段と次の巻は？', 'ja', ['MA-0001', 'MA-0002']);
    expect(second).toEqual(first);
  });
});
