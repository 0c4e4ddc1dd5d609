/**
 * Words shoppers use for the catalog's genre labels and the store's policy topics, in both
 * languages. They are added to the indexed text of each document (index-side expansion), so a
 * query for 「ホラー」, "scary" or 「返金」 reaches documents whose data only says "horror" or
 * "returns", without rewriting queries.
 */
export const GENRE_WORDS: Readonly<Record<string, string>> = {
  action: 'action fight fighting battle アクション バトル 格闘',
  adventure: 'adventure journey quest 冒険 アドベンチャー',
  fantasy: 'fantasy magic ファンタジー 魔法',
  romance: 'romance romantic love 恋愛 ラブコメ ラブストーリー 恋',
  comedy: 'comedy funny humor gag コメディ ギャグ お笑い 笑える',
  horror: 'horror scary creepy ホラー 怖い 恐怖',
  mystery: 'mystery detective thriller suspense ミステリー 推理 サスペンス 謎',
  'sci-fi': 'sci-fi science fiction scifi sf 近未来 宇宙',
  sports: 'sports sport スポーツ 部活',
  'slice-of-life': 'slice of life everyday iyashikei 日常 癒し',
  historical: 'historical history period 歴史 時代劇 時代物',
  cooking: 'cooking food cuisine gourmet 料理 グルメ 食べ物',
  music: 'music band 音楽 バンド',
  isekai: 'isekai another world reincarnation 異世界 転生',
  mecha: 'mecha robot ロボット メカ',
  psychological: 'psychological thriller dark mind game 心理 サイコ サスペンス 頭脳戦',
  drama: 'drama emotional ドラマ 人間ドラマ 感動',
};

export const DEMOGRAPHIC_WORDS: Readonly<Record<string, string>> = {
  shonen: 'shonen 少年',
  seinen: 'seinen 青年',
  shojo: 'shojo 少女',
  josei: 'josei 女性',
  kodomo: 'kodomo kids children 児童 子供',
};

export const POLICY_TOPIC_WORDS: Readonly<Record<string, string>> = {
  shipping: 'shipping delivery deliver postage ship 送料 配送 配達 お届け 発送',
  returns: 'return returns refund exchange 返品 返金 交換',
  payment: 'payment pay card billing 支払い お支払い 決済',
  points: 'points point reward ポイント',
  preorder: 'preorder pre-order reservation reserve 予約',
  ebook: 'ebook e-book kindle digital 電子書籍 電子版 キンドル',
  account: 'account login password sign up member 会員 アカウント ログイン パスワード',
  gift: 'gift wrapping present ギフト プレゼント ラッピング',
  store_info: 'store contact support about hours 問い合わせ 営業時間 サポート',
  privacy: 'privacy personal data cookie 個人情報 プライバシー',
};

/** Words that mark any policy, so "return policy" or 「規約」 lean towards policies over series. */
export const POLICY_COMMON_WORDS = 'policy policies rule faq help 規約 ルール ご案内 よくある質問';

export function genreWords(genre: string): string {
  return GENRE_WORDS[genre] ?? genre;
}

export function demographicWords(demographic: string): string {
  return DEMOGRAPHIC_WORDS[demographic] ?? demographic;
}

export function policyTopicWords(topic: string): string {
  return POLICY_TOPIC_WORDS[topic] ?? topic;
}
