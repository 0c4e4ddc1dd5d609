import { normalizeText } from '@mangaassist/text';
import { AddressDetector } from './address.detector';

const detector = new AddressDetector();
const found = (text: string) => {
  const normalized = normalizeText(text);
  return detector.detect(normalized).map((s) => normalized.slice(s.start, s.end));
};

describe('AddressDetector', () => {
  it.each([
    ['届け先は東京都渋谷区神南1-2-3です', '東京都渋谷区神南1-2-3'],
    ['東京都渋谷区神南１－２－３ 神南ビル5階に送って', '東京都渋谷区神南1-2-3 神南ビル5階'],
    ['大阪府大阪市北区梅田2丁目4番9号', '大阪府大阪市北区梅田2丁目4番9号'],
    ['京都市左京区吉田本町36-1にお願いします', '京都市左京区吉田本町36-1'],
    ['北海道札幌市中央区北1条西2丁目に住んでいます', '北海道札幌市中央区北1条西2丁目'],
    [
      '神奈川県横浜市中区山下町1-1 メゾン山下203号室',
      '神奈川県横浜市中区山下町1-1 メゾン山下203号室',
    ],
    ['住所渋谷区神南1-2-3', '渋谷区神南1-2-3'],
    ['実家は東京都世田谷区です', '東京都世田谷区'],
  ])('finds Japanese addresses: %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['Ship it to 1-2-3 Jinnan, Shibuya-ku, Tokyo 150-0041', '1-2-3 Jinnan, Shibuya-ku, Tokyo'],
    ['Address: 4-5-6 Umeda, Kita-ku, Osaka, Japan', '4-5-6 Umeda, Kita-ku, Osaka, Japan'],
    [
      'I live at 2-11 Minatomirai, Nishi-ku, Yokohama-shi, Kanagawa. Thanks',
      '2-11 Minatomirai, Nishi-ku, Yokohama-shi, Kanagawa',
    ],
    ['Apt 101, 1-2-3 Jinnan, Shibuya-ku, Tokyo', 'Apt 101, 1-2-3 Jinnan, Shibuya-ku, Tokyo'],
    [
      'my address is 4-8 Kamiuma 3-chome, Setagaya-ku, Tokyo now',
      '4-8 Kamiuma 3-chome, Setagaya-ku, Tokyo',
    ],
    ['deliver to Sapporo, Chuo-ku, Odori 5-1-2 please', 'Sapporo, Chuo-ku, Odori 5-1-2'],
  ])('finds English addresses: %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['a prefecture alone', '東京都に住んでいます'],
    ['a title with a prefecture', '呪術廻戦 0 東京都立呪術高等専門学校は何巻？'],
    ['a store name with a prefecture', '大阪府立図書館で読みました'],
    ['volume numbers', 'ONE PIECE 1-100巻のセット'],
    ['a ward name without a street number', '渋谷区の店舗はありますか'],
    ['English titles and volumes', 'Is Tokyo Ghoul vol 3, Tokyo Revengers or Naruto cheaper?'],
    ['a volume range and a city name', 'Volumes 1-3 Osaka, Kyoto shops have them'],
    ['a postal code before place names', 'zip 460-0008, Nagoya-shi, Naka-ku'],
    ['a postal code after place names', 'Nagoya-shi, Naka-ku 460-0008'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
