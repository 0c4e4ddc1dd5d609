import { compactKey, foldForSearch } from './normalize';
import { lexicalTokens } from './tokenize';

/** The words shoppers use for one label of the store's data, in each language. */
export interface LexiconEntry {
  readonly en: readonly string[];
  readonly ja: readonly string[];
}

/** Label (a catalog genre, a policy topic, a theme keyword, ...) -> its words. */
export type Lexicon = Readonly<Record<string, LexiconEntry>>;

/**
 * The catalog's 17 genre labels. Mood words live here too ("scary" is horror, "wholesome" is
 * slice-of-life, 「泣ける」 is drama), since a mood is what a shopper says for a genre.
 */
export const GENRE_LEXICON: Lexicon = {
  action: {
    en: ['action', 'fight', 'fighting', 'battle', 'battles'],
    ja: ['アクション', 'バトル', '格闘'],
  },
  adventure: { en: ['adventure', 'journey', 'quest'], ja: ['冒険', 'アドベンチャー'] },
  fantasy: { en: ['fantasy', 'magic', 'magical'], ja: ['ファンタジー', '魔法'] },
  romance: {
    en: ['romance', 'romantic', 'love', 'love story', 'romcom', 'rom-com'],
    ja: ['恋愛', 'ラブコメ', 'ラブストーリー', '恋'],
  },
  comedy: {
    en: ['comedy', 'funny', 'humor', 'humour', 'gag', 'hilarious', 'laugh', 'romcom', 'rom-com'],
    ja: ['コメディ', 'ギャグ', 'お笑い', '笑える', 'ラブコメ'],
  },
  horror: {
    en: ['horror', 'scary', 'creepy', 'spooky', 'terrifying', 'gore', 'gory'],
    ja: ['ホラー', '怖い', 'こわい', '恐怖', 'グロ'],
  },
  mystery: {
    en: ['mystery', 'detective', 'whodunit', 'thriller', 'suspense', 'crime'],
    ja: ['ミステリー', 'ミステリ', '推理', 'サスペンス', '探偵', '謎解き'],
  },
  'sci-fi': {
    en: ['sci-fi', 'scifi', 'science fiction', 'sf', 'futuristic', 'cyberpunk'],
    ja: ['近未来', '宇宙', 'サイバーパンク'],
  },
  sports: { en: ['sports', 'sport', 'athlete'], ja: ['スポーツ', '部活'] },
  'slice-of-life': {
    en: [
      'slice of life',
      'everyday',
      'iyashikei',
      'wholesome',
      'cozy',
      'cosy',
      'relaxing',
      'heartwarming',
      'healing',
      'chill',
    ],
    ja: ['日常', '癒し', '癒される', 'ほのぼの', 'まったり', 'ゆるい'],
  },
  historical: {
    en: ['historical', 'history', 'samurai era'],
    ja: ['歴史', '時代劇', '時代物', '時代もの'],
  },
  cooking: {
    en: ['cooking', 'cook', 'food', 'cuisine', 'gourmet', 'chef', 'recipe'],
    ja: ['料理', 'グルメ', '食べ物', 'ごはん', '飯'],
  },
  music: { en: ['music', 'musician', 'band'], ja: ['音楽', 'バンド'] },
  isekai: {
    en: ['isekai', 'another world', 'other world', 'reincarnation', 'reincarnated', 'transported'],
    ja: ['異世界', '転生'],
  },
  mecha: { en: ['mecha', 'mech', 'robot', 'giant robot'], ja: ['ロボット', 'メカ'] },
  psychological: {
    en: [
      'psychological',
      'thriller',
      'dark',
      'mind game',
      'mind games',
      'battle of wits',
      'psycho',
    ],
    ja: ['心理', 'サイコ', 'サスペンス', '頭脳戦', '心理戦', 'ダーク'],
  },
  drama: {
    en: ['drama', 'emotional', 'sad', 'tearjerker', 'cry', 'touching'],
    ja: ['ドラマ', '人間ドラマ', '感動', '泣ける', '切ない'],
  },
};

/** The catalog's demographics, by the magazines' readership. */
export const DEMOGRAPHIC_LEXICON: Lexicon = {
  shonen: { en: ['shonen', 'shounen'], ja: ['少年', '少年漫画'] },
  seinen: { en: ['seinen'], ja: ['青年', '青年漫画'] },
  shojo: { en: ['shojo', 'shoujo'], ja: ['少女', '少女漫画'] },
  josei: { en: ['josei'], ja: ['女性', '女性向け'] },
  kodomo: { en: ['kodomo', 'kids', 'children'], ja: ['児童', '子供', '子ども', 'キッズ'] },
};

/** Publication status. */
export const STATUS_LEXICON: Lexicon = {
  completed: { en: ['completed', 'finished', 'complete series'], ja: ['完結'] },
  ongoing: { en: ['ongoing', 'still running', 'currently running'], ja: ['連載中'] },
  hiatus: { en: ['hiatus', 'on break'], ja: ['休載'] },
};

/**
 * Theme keywords: an English word of the catalog's free theme tags ("time travel", "vampires",
 * "soccer youth academy") -> how shoppers say it. The catalog writes themes in English only, so
 * without this 「野球漫画」 or 「吸血鬼」 would never reach them.
 */
export const THEME_LEXICON: Lexicon = {
  baseball: { en: ['baseball'], ja: ['野球'] },
  soccer: { en: ['soccer', 'football'], ja: ['サッカー'] },
  basketball: { en: ['basketball'], ja: ['バスケ', 'バスケットボール'] },
  volleyball: { en: ['volleyball'], ja: ['バレー', 'バレーボール'] },
  tennis: { en: ['tennis'], ja: ['テニス'] },
  'table tennis': { en: ['table tennis', 'ping pong'], ja: ['卓球'] },
  boxing: { en: ['boxing', 'boxer'], ja: ['ボクシング'] },
  cycling: { en: ['cycling', 'bicycle'], ja: ['自転車', 'ロードレース'] },
  racing: { en: ['racing', 'race'], ja: ['レース'] },
  skating: { en: ['skating', 'figure skating'], ja: ['スケート', 'フィギュアスケート'] },
  karuta: { en: ['karuta'], ja: ['かるた'] },
  shogi: { en: ['shogi'], ja: ['将棋'] },
  go: { en: ['igo', 'go board game'], ja: ['囲碁'] },
  fishing: { en: ['fishing'], ja: ['釣り'] },
  wrestling: { en: ['wrestling'], ja: ['プロレス'] },
  'martial arts': { en: ['martial arts', 'kung fu'], ja: ['格闘技', '武術', '武道'] },
  ninja: { en: ['ninja', 'ninjas'], ja: ['忍者'] },
  samurai: { en: ['samurai', 'ronin'], ja: ['侍', '武士', 'サムライ'] },
  sword: {
    en: ['sword', 'swords', 'swordsman', 'swordsmanship', 'swordsmen'],
    ja: ['剣士', '剣術', '剣豪'],
  },
  pirates: { en: ['pirate', 'pirates'], ja: ['海賊'] },
  vampire: { en: ['vampire', 'vampires', 'dracula'], ja: ['吸血鬼', 'ヴァンパイア', 'バンパイア'] },
  zombie: { en: ['zombie', 'zombies', 'undead'], ja: ['ゾンビ'] },
  ghost: { en: ['ghost', 'ghosts', 'haunted'], ja: ['幽霊', 'おばけ', 'お化け'] },
  spirits: { en: ['spirit', 'spirits'], ja: ['霊', '精霊'] },
  yokai: { en: ['yokai', 'youkai'], ja: ['妖怪', 'あやかし'] },
  demon: { en: ['demon', 'demons', 'devil', 'devils', 'oni'], ja: ['鬼', '悪魔', '魔物'] },
  alien: { en: ['alien', 'aliens', 'extraterrestrial'], ja: ['宇宙人', 'エイリアン'] },
  robot: { en: ['robot', 'robots', 'android', 'androids'], ja: ['ロボット', 'アンドロイド'] },
  cyborg: { en: ['cyborg', 'cyborgs'], ja: ['サイボーグ'] },
  time: {
    en: ['time travel', 'time leap', 'time slip', 'time loop', 'time traveling'],
    ja: ['タイムリープ', 'タイムスリップ', 'タイムトラベル', 'タイムループ'],
  },
  reincarnation: { en: ['reincarnation', 'reincarnated', 'reborn'], ja: ['転生', '生まれ変わ'] },
  magic: { en: ['magic', 'mage', 'mages', 'wizard', 'sorcery', 'sorcerers'], ja: ['魔法', '魔術'] },
  witch: { en: ['witch', 'witches'], ja: ['魔女'] },
  'magical girls': { en: ['magical girl', 'magical girls'], ja: ['魔法少女'] },
  dragon: { en: ['dragon', 'dragons'], ja: ['ドラゴン', '竜'] },
  idol: { en: ['idol', 'idols'], ja: ['アイドル'] },
  band: { en: ['band', 'rock band'], ja: ['バンド'] },
  jazz: { en: ['jazz'], ja: ['ジャズ'] },
  piano: { en: ['piano', 'pianist'], ja: ['ピアノ'] },
  guitar: { en: ['guitar', 'guitarist'], ja: ['ギター'] },
  school: {
    en: ['school', 'high school', 'school life', 'classroom'],
    ja: ['学園', '学校', '高校', '部活'],
  },
  'first love': { en: ['first love'], ja: ['初恋'] },
  unrequited: { en: ['unrequited', 'one-sided love'], ja: ['片思い', '片想い'] },
  revenge: { en: ['revenge', 'vengeance'], ja: ['復讐'] },
  friendship: { en: ['friendship', 'friends'], ja: ['友情'] },
  family: { en: ['family', 'families'], ja: ['家族'] },
  brothers: { en: ['brother', 'brothers', 'siblings'], ja: ['兄弟'] },
  sisters: { en: ['sister', 'sisters'], ja: ['姉妹'] },
  assassin: { en: ['assassin', 'assassins', 'hitman', 'assassination'], ja: ['殺し屋', '暗殺'] },
  spies: { en: ['spy', 'spies'], ja: ['スパイ'] },
  detective: {
    en: ['detective', 'detectives', 'investigation', 'investigators', 'whodunit'],
    ja: ['探偵', '刑事', '推理'],
  },
  'serial killer': { en: ['serial killer'], ja: ['連続殺人', 'シリアルキラー'] },
  murder: { en: ['murder', 'murders'], ja: ['殺人'] },
  'death game': { en: ['death game', 'death games'], ja: ['デスゲーム'] },
  survival: { en: ['survival', 'survive'], ja: ['サバイバル'] },
  apocalypse: {
    en: ['apocalypse', 'post-apocalyptic', 'post-apocalypse', 'end of the world'],
    ja: ['終末', '世界の終わり'],
  },
  war: { en: ['war', 'wartime'], ja: ['戦争'] },
  gambling: { en: ['gambling', 'gamble'], ja: ['ギャンブル', '賭博', '賭け'] },
  debt: { en: ['debt', 'loan'], ja: ['借金'] },
  space: { en: ['space', 'outer space'], ja: ['宇宙'] },
  astronauts: { en: ['astronaut', 'astronauts'], ja: ['宇宙飛行士'] },
  cyberpunk: { en: ['cyberpunk'], ja: ['サイバーパンク'] },
  superheroes: { en: ['superhero', 'superheroes', 'hero', 'heroes'], ja: ['ヒーロー'] },
  kaiju: { en: ['kaiju'], ja: ['怪獣'] },
  monster: { en: ['monster', 'monsters'], ja: ['怪物', 'モンスター'] },
  curse: { en: ['curse', 'curses', 'cursed'], ja: ['呪い', '呪'] },
  exorcist: { en: ['exorcist', 'exorcists', 'exorcism'], ja: ['祓魔', 'エクソシスト', 'お祓い'] },
  teacher: { en: ['teacher', 'teachers'], ja: ['先生', '教師'] },
  office: {
    en: ['office', 'corporate', 'salaryman', 'workplace'],
    ja: ['会社', 'サラリーマン', 'オフィス', '職場'],
  },
  marriage: { en: ['marriage', 'married', 'bride'], ja: ['結婚', '花嫁'] },
  cat: { en: ['cat', 'cats'], ja: ['猫', 'ネコ'] },
  dog: { en: ['dog', 'dogs'], ja: ['犬'] },
  games: { en: ['game', 'games', 'video game', 'card games'], ja: ['ゲーム'] },
  otaku: { en: ['otaku', 'nerd'], ja: ['オタク', 'ヲタク'] },
  cosplay: { en: ['cosplay'], ja: ['コスプレ'] },
  camping: { en: ['camping'], ja: ['キャンプ'] },
  art: { en: ['painting', 'art school', 'art college', 'painter'], ja: ['美術', '絵画'] },
  manga: {
    en: ['making manga', 'manga artist', 'mangaka', 'drawing manga', 'manga industry'],
    ja: ['漫画家'],
  },
  rakugo: { en: ['rakugo'], ja: ['落語'] },
  doctor: { en: ['doctor', 'surgeon', 'medical'], ja: ['医者', '医師', '外科医', '医療'] },
  police: { en: ['police', 'cop', 'cops'], ja: ['警察'] },
  // Moods that the catalog expresses through themes rather than genres.
  sad: {
    en: [
      'grief',
      'loss',
      'tragedy',
      'suicide',
      'bittersweet',
      'sad',
      'tearjerker',
      'cry',
      'heartbreaking',
    ],
    ja: ['泣ける', '切ない', '悲しい', '号泣', '涙'],
  },
  heartwarming: {
    en: ['found family', 'kindness', 'healing', 'heartwarming', 'wholesome', 'warm', 'comfort'],
    ja: ['心温まる', '温かい', 'ほっこり', '癒し', '優しい'],
  },
  dark: {
    en: [
      'dark fantasy',
      'dark',
      'revenge',
      'cruelty',
      'trauma',
      'despair',
      'bleak',
      'grim',
      'death games',
    ],
    ja: ['ダーク', '鬱', '重い', '絶望'],
  },
  gore: {
    en: ['body horror', 'gore', 'gory', 'violent', 'violence', 'brutal', 'cruelty', 'bloody'],
    ja: ['グロ', '残酷', '暴力', 'スプラッター'],
  },
  military: { en: ['military', 'soldier', 'soldiers', 'army'], ja: ['軍', '兵士'] },
};

/** Store policy topics. */
export const POLICY_TOPIC_LEXICON: Lexicon = {
  shipping: {
    en: [
      'shipping',
      'ship',
      'delivery',
      'deliver',
      'postage',
      'express',
      'track',
      'tracking',
      'package',
      'parcel',
      'shipment',
      'split shipment',
      'separately',
    ],
    ja: [
      '送料',
      '配送',
      '配達',
      'お届け',
      '発送',
      '届',
      'お急ぎ便',
      '送り先',
      '到着',
      '別々',
      '分割',
    ],
  },
  returns: {
    en: [
      'return',
      'returns',
      'refund',
      'exchange',
      'damaged',
      'defective',
      'broken',
      'torn',
      'wrong item',
      'wrong book',
    ],
    ja: ['返品', '返金', '交換', '破損', '破れ', '汚れ', '乱丁', '落丁', '不良品', '誤配送'],
  },
  payment: {
    en: [
      'payment',
      'pay',
      'card',
      'credit card',
      'billing',
      'konbini',
      'receipt',
      'invoice',
      'cash on delivery',
      'cod',
      'charged',
    ],
    ja: ['支払', '決済', 'コンビニ払', '領収書', '請求', '代引', '代金引換', 'クレジット'],
  },
  points: { en: ['points', 'point', 'reward'], ja: ['ポイント'] },
  preorder: {
    en: ['preorder', 'pre-order', 'reservation', 'reserve', 'release day'],
    ja: ['予約', '発売日'],
  },
  ebook: {
    en: ['ebook', 'e-book', 'kindle', 'digital'],
    ja: ['電子書籍', '電子版', '電子', 'キンドル'],
  },
  account: {
    en: [
      'account',
      'login',
      'log in',
      'password',
      'sign up',
      'member',
      'membership',
      'age verification',
    ],
    ja: ['会員', 'アカウント', 'ログイン', 'パスワード', '退会', '年齢確認'],
  },
  gift: {
    en: ['gift', 'wrapping', 'wrap', 'present', 'gift card'],
    ja: ['ギフト', 'プレゼント', 'ラッピング'],
  },
  store_info: {
    en: ['contact', 'support', 'hours', 'human', 'staff', 'operator', 'customer service'],
    ja: ['問い合わせ', '営業時間', 'サポート', 'オペレーター', '担当者', '窓口'],
  },
  privacy: {
    en: ['privacy', 'personal data', 'personal information', 'cookie', 'cookies'],
    ja: ['個人情報', 'プライバシー', 'クッキー'],
  },
};

/** Words that mark any policy, so "return policy" or 「規約」 lean towards policies over series. */
export const POLICY_COMMON_WORDS: LexiconEntry = {
  en: ['policy', 'policies', 'rule', 'rules', 'faq', 'help'],
  ja: ['規約', 'ルール', 'ご案内', 'よくある質問'],
};

/** A label with all its words, as text for index-side expansion; the label alone if unknown. */
export function lexiconText(lexicon: Lexicon, label: string): string {
  const entry = lexicon[label];
  return entry ? [label, ...entry.en, ...entry.ja].join('\n') : label;
}

/** Labels a text names, by the language of the word that named them. */
export interface LabelsInText {
  en: ReadonlySet<string>;
  ja: ReadonlySet<string>;
}

interface CompiledLexicon {
  /** First stemmed token -> the phrases (as stemmed tokens) starting with it. */
  en: Map<string, { tokens: string[]; label: string }[]>;
  /** Compact match keys of the Japanese words. */
  ja: { key: string; label: string }[];
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

function compile(lexicon: Lexicon): CompiledLexicon {
  const cached = compiled.get(lexicon);
  if (cached) return cached;
  const result: CompiledLexicon = { en: new Map(), ja: [] };
  for (const [label, entry] of Object.entries(lexicon)) {
    for (const phrase of entry.en) {
      const tokens = lexicalTokens(foldForSearch(phrase));
      if (tokens.length === 0) continue;
      result.en.set(tokens[0], [...(result.en.get(tokens[0]) ?? []), { tokens, label }]);
    }
    for (const word of entry.ja) {
      const key = compactKey(word);
      if (key) result.ja.push({ key, label });
    }
  }
  compiled.set(lexicon, result);
  return result;
}

/**
 * The labels a text names: English words and phrases by stemmed tokens ("scary", "slice of
 * life"), Japanese words as substrings of the compact match key, since Japanese has no spaces
 * (「ホラー漫画が読みたい」 contains ほら, the key of ホラー).
 */
export function labelsInText(lexicon: Lexicon, text: string): LabelsInText {
  const { en, ja } = compile(lexicon);
  const tokens = lexicalTokens(foldForSearch(text));
  const enLabels = new Set<string>();
  tokens.forEach((token, i) => {
    for (const phrase of en.get(token) ?? []) {
      if (phrase.tokens.every((t, j) => tokens[i + j] === t)) enLabels.add(phrase.label);
    }
  });
  const key = compactKey(text);
  const jaLabels = new Set<string>();
  if (key) for (const word of ja) if (key.includes(word.key)) jaLabels.add(word.label);
  return { en: enLabels, ja: jaLabels };
}

/** Both languages together. */
export function allLabels(labels: LabelsInText): Set<string> {
  return new Set([...labels.en, ...labels.ja]);
}
