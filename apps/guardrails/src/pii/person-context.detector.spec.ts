import { loadStoreSnapshot } from '@mangaassist/store-data';
import { normalizeText } from '@mangaassist/text';
import { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import { PiiScanner } from './pii-scanner';
import { PersonContextDetector } from './person-context.detector';
import { isJapaneseName, looksLikeSurname } from './person-name.shape';

const detector = new PersonContextDetector();
const names = (text: string) => {
  const normalized = normalizeText(text);
  return [...new Set(detector.detect(normalized).map((s) => normalized.slice(s.start, s.end)))];
};

describe('PersonContextDetector (ja): names from where they stand', () => {
  it.each([
    ['宛先：谷口陽葵\n住所：兵庫県尼崎市東難波町5丁目1番14号', '谷口陽葵'],
    ['差出人: 紫藤 颯', '紫藤 颯'],
    ['受取人：マリア・ロペス様でお願いします', 'マリア・ロペス'],
    ['宛名：Emily Carter', 'Emily Carter'],
    ['注文250-7548970-6689837の件です。北村', '北村'],
    ['まだ届いていません。よろしくお願いします。\n緑川晴人', '緑川晴人'],
    ['緑川です！前に頼んだ本、まだですか？', '緑川'],
    ['いつもお世話になっております。宮之原拓海です。先日の返品の件です', '宮之原拓海'],
    ['息子の紫藤颯に誕生日プレゼントを送りたいです', '紫藤颯'],
    ['義理の兄の赤坂が注文したものです', '赤坂'],
    ['以上です。よろしくお願いします。 神楽坂凛 rin@example.jp', '神楽坂凛'],
    ['【購入者】松風 千景 【お届け先】自宅', '松風 千景'],
    ['登録名:鬼頭 貴之/kito@example.jp', '鬼頭 貴之'],
    ['予約は桐ケ谷 ふゆ宛でお願いします', '桐ケ谷 ふゆ'],
    ['娘の結衣の入学祝いです', '結衣'],
    ['叔父(柳瀬 源三郎)に贈ります', '柳瀬 源三郎'],
    ['夫が真島で登録しています', '真島'],
    ['私は旧姓の寺岡で登録しています', '寺岡'],
    ['「早乙女 葵」って名前で予約しました', '早乙女 葵'],
    ['ゼミの小野寺先生へのお礼です', '小野寺'],
    ['はじめまして、アナ・ソウザといいます', 'アナ・ソウザ'],
    ['宛名はOliver Brandtにしてください', 'Oliver Brandt'],
    ['カード名義はTAKESHI OGAWAになっています', 'TAKESHI OGAWA'],
    ['お届けは月曜で。06-1234-5678 鴨志田', '鴨志田'],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual([expected]);
  });

  it.each([
    'ONE PIECEの最新刊はありますか？呪術廻戦',
    '以上です',
    '準備中です！いつ発送されますか',
    '大丈夫です、ありがとう',
    '息子の誕生日に届けてほしい',
    '母の実家に送ってください',
    '宛先：東京都文京区本郷3丁目15番18号',
    '届きました。単行本',
    'この本は日本です',
    '在庫を確認してください。至急',
    '送料 いくら',
    'ワンピ 次巻 いつ',
    '受取人氏名の欄が空です',
    '担任の先生にあげたい',
  ])('finds no name in: %s', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('PersonContextDetector (en): names from where they stand', () => {
  it.each([
    ['Lily Ito — order 250-6722673-2530401 arrived damaged.', 'Lily Ito'],
    ['Omar Hill: where is my parcel?', 'Omar Hill'],
    ['Thanks so much,\nJonas Gray', 'Jonas Gray'],
    ['Best regards,\n\nIngrid Solberg', 'Ingrid Solberg'],
    ['Thanks so much for the help, Ines Wright', 'Ines Wright'],
    ['Hi, it’s Grace. Order 250-6190416-7732699 still says processing.', 'Grace'],
    ['Good evening, this is Ravi Cooper. My preorder has not shipped.', 'Ravi Cooper'],
    ['Could you check whether Kaito Costa already picked it up?', 'Kaito Costa'],
    ['Please correct the card name to Mr. Ferko Takats.', 'Ferko Takats'],
    ['Ms Tanaka will collect it', 'Tanaka'],
    ['Best regards, Catherine Ng 1-8-3 Marunouchi, Naka-ku, Nagoya', 'Catherine Ng'],
    ['hey im noah, did my preorder go through', 'noah'],
    ['Could Priya from your support team email me back?', 'Priya'],
    ['my nephew Mateo wants the new volume', 'Mateo'],
    ['Please write "Happy birthday Zoë!" on the card', 'Zoë'],
    ['sign it love, Uncle Raymond', 'Raymond'],
    ['the billing name is Oliver Brandt and the card is mine', 'Oliver Brandt'],
    ["I'm Sean O'Brien, I wrote yesterday", "Sean O'Brien"],
    ['Hello, Diego Fernández here. Is gift wrapping free?', 'Diego Fernández'],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual([expected]);
  });

  it.each([
    'One Piece — is volume 3 out?',
    'Chainsaw Man: when is the next volume?',
    'Thanks so much,\nOne Piece fan',
    'Do you ship to Tokyo Station?',
    'This is Frieren, right? Is it finished?',
    "i'm tired of waiting for my order",
    'Thanks! Tokyo Ghoul',
  ])('finds no name in: %s', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('surname shape', () => {
  it('takes known and surname-shaped kanji runs, not everyday words', () => {
    expect(['佐藤', '緑川', '紫藤', '神楽坂', '宮之原'].filter(looksLikeSurname)).toHaveLength(5);
    expect(
      ['以上', '準備中', '日本', '単行本', '入口', '電池', '迷宮', '誕生日'].some(looksLikeSurname),
    ).toBe(false);
  });

  it('splits a full name into surname and given name', () => {
    expect(isJapaneseName('谷口陽葵')).toBe(true);
    expect(isJapaneseName('白井 美優')).toBe(true);
    expect(isJapaneseName('緑川芽衣')).toBe(true);
    expect(isJapaneseName('呪術廻戦')).toBe(false);
    expect(isJapaneseName('東京都')).toBe(false);
    expect(isJapaneseName('本日中')).toBe(false);
  });
});

describe('PERSON through the scanner: public names and addresses win', () => {
  it('keeps catalog titles that look like names and street names', async () => {
    const store = await loadStoreSnapshot();
    const scanner = PiiScanner.withDefaultDetectors(CatalogVocabulary.fromItems(store.items));
    const types = (text: string) => scanner.scan(normalizeText(text)).map((span) => span.type);
    expect(types('Is Dan Da Dan in stock?')).toEqual([]);
    expect(types('Is Emma volume 2 in stock?')).toEqual([]);
    expect(types('I moved to 12 Alexander Street, Apt 4, Springfield, IL 62704.')).not.toContain(
      'PERSON',
    );
  });
});
