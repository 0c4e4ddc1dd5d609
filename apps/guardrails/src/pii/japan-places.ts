/** The 47 prefectures, without their 都/道/府/県 suffix. */
// prettier-ignore
export const PREFECTURE_STEMS_JA = [
  '北海道', '青森', '岩手', '宮城', '秋田', '山形', '福島', '茨城', '栃木', '群馬', '埼玉', '千葉',
  '東京', '神奈川', '新潟', '富山', '石川', '福井', '山梨', '長野', '岐阜', '静岡', '愛知', '三重',
  '滋賀', '京都', '大阪', '兵庫', '奈良', '和歌山', '鳥取', '島根', '岡山', '広島', '山口', '徳島',
  '香川', '愛媛', '高知', '福岡', '佐賀', '長崎', '熊本', '大分', '宮崎', '鹿児島', '沖縄',
] as const;

// prettier-ignore
export const PREFECTURES_EN = [
  'Hokkaido', 'Aomori', 'Iwate', 'Miyagi', 'Akita', 'Yamagata', 'Fukushima', 'Ibaraki', 'Tochigi',
  'Gunma', 'Saitama', 'Chiba', 'Tokyo', 'Kanagawa', 'Niigata', 'Toyama', 'Ishikawa', 'Fukui',
  'Yamanashi', 'Nagano', 'Gifu', 'Shizuoka', 'Aichi', 'Mie', 'Shiga', 'Kyoto', 'Osaka', 'Hyogo',
  'Nara', 'Wakayama', 'Tottori', 'Shimane', 'Okayama', 'Hiroshima', 'Yamaguchi', 'Tokushima',
  'Kagawa', 'Ehime', 'Kochi', 'Fukuoka', 'Saga', 'Nagasaki', 'Kumamoto', 'Oita', 'Miyazaki',
  'Kagoshima', 'Okinawa',
] as const;

function withSuffix(stem: string): string {
  if (stem === '北海道') return stem;
  if (stem === '東京') return '東京都';
  if (stem === '京都' || stem === '大阪') return `${stem}府`;
  return `${stem}県`;
}

/** A regex source matching a prefecture with its suffix (東京都, 大阪府, 北海道, 沖縄県). */
export const PREFECTURE_JA_SOURCE = `(?:${PREFECTURE_STEMS_JA.map(withSuffix).join('|')})`;

/** Without the suffix: shoppers write 東京渋谷区; only used right before a city. */
export const PREFECTURE_STEM_JA_SOURCE = `(?:${PREFECTURE_STEMS_JA.join('|')})`;

export const PREFECTURE_EN_SOURCE = `(?:${PREFECTURES_EN.join('|')})`;

/** The Latin municipality suffixes of romanized addresses: Shibuya-ku, Yokohama-shi. */
export const MUNICIPALITY_EN_SOURCE = '(?:ku|shi|cho|chou|machi|gun|mura|son)';
