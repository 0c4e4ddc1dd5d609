import { JAPANESE_SURNAMES } from './person-name.lexicon';

/**
 * Words that stand before 様/さん/くん/ちゃん/殿 without being a person's name: roles, family
 * words, shops, set phrases (お客様, 皆さん, 店員さん, 同様, 王子様). Kept as data so the detector
 * stays a few regexes.
 */
// prettier-ignore
export const NON_NAME_TOKENS: ReadonlySet<string> = new Set([
  // people by role
  '客', 'お客', '皆', 'みな', '皆々', '店員', '担当', '作者', '作家', '著者', '先生', '読者', '会員',
  '購入者', '利用者', '運転手', '店長', '社長', '部長', '課長', '係長', '主人', 'ご主人', '本人',
  '新人', '友人', '知人', '恋人', '住人', '管理人', '受取人', '依頼人', '差出人', '名義人', '家族',
  '大家', '大工', '職人', '板前', '医者', '看護師', '学生', '高校生', '中学生', '大学生', '小学生',
  '先輩', '後輩', '同僚', '上司', '部下', '彼氏', '彼女', '友達', '友人', '子供', '子ども', '孫',
  '得意', 'お得意', '取引先', '宛先', '相手', '相方', '親御', '氏名', '名前', '宛名', '名義', 'お名前',
  '受取人氏名', '名義人氏名', '一人', 'お一人', '二人', '三人', '〇〇', '○○', '漫画家', '作家', '画家',
  '専門家', '声優',
  // family
  '父', '母', '兄', '姉', '弟', '妹', '祖父', '祖母', '叔父', '叔母', '伯父', '伯母', '奥', '嫁',
  '婿', '旦那', '娘', '息子', '子', 'お子', '赤', '坊', '嬢', 'お嬢', '親',
  // set phrases and honorific nouns
  '同', '模', '仕', '有', '多', '異', '一', '左', '然', '貴', '何', '如何', '王', '王子', '女王',
  '神', '仏', '殿', '姫', 'お姫', '奥方', '皇', '天皇', '宮', '御', '湯', '拝', '先祖', 'ご先祖',
  '日', '月', '星', 'お日', 'お月', 'お星', '苦労', 'ご苦労', '馳走', 'ご馳走', '世話', 'お世話',
  '陰', 'お陰', '愁傷', 'ご愁傷', '疲れ', '互い', '大変', '殿様',
  // katakana roles
  'スタッフ', 'オペレーター', 'ドライバー', 'サポート', 'カスタマー', 'ママ', 'パパ', 'サンタ',
  'アシスタント', 'ボット', 'ショップ', 'ストア', 'メーカー', 'ファン', 'ユーザー', 'ゲスト',
  'メンバー', 'オーナー', 'マネージャー', 'クライアント', 'パートナー', 'お客', 'マスター',
  'ロボット', 'マンガ', 'エーアイ', 'チャット', '人間', '漫画', '機械',
  // hiragana words ending in さん/さま/ちゃん-like sounds
  'たく', 'みなさ', 'おじ', 'おば', 'おじい', 'おばあ', 'おにい', 'おねえ', 'おかあ', 'おとう',
  'あか', 'おこ', 'おきゃく', 'かあ', 'とう', 'にい', 'ねえ', 'じい', 'ばあ', 'おつかれ', 'おかげ',
  'この', 'その', 'あの', 'どの', 'かの', 'ごくろう', 'ごちそう', 'おたがい', 'おひ', 'おつき',
  'とー', 'かー', 'じー', 'ばー', 'にー', 'ねー', 'おとー', 'おかー',
]);

/** Endings of role words and set phrases: 本屋, 配達員, 担当者, 店長, 薬剤師, 依頼主, 魔王, 人生模様. */
// prettier-ignore
export const NON_NAME_ENDINGS = ['模', '仕', '同', '有', '屋', '員', '者', '長', '師', '主', '先', '王', '様', '係', '方', '社', '店', '局', '課', '部', '会', '校', '家族'];

export function isNonNameToken(token: string): boolean {
  if (NON_NAME_TOKENS.has(token)) return true;
  // 阿部, 岡部, 服部 end like a department (部) but are surnames.
  if (JAPANESE_SURNAMES.has(token)) return false;
  if (/^[\p{Script=Han}々]+$/u.test(token) && NON_NAME_ENDINGS.some((e) => token.endsWith(e))) {
    return true;
  }
  // Hiragana runs pick up particles in front (本がたくさん -> がたく), so test every suffix.
  if (/^[\p{Script=Hiragana}ー]+$/u.test(token)) {
    for (let i = 1; i < token.length - 1; i++) if (NON_NAME_TOKENS.has(token.slice(i))) return true;
  }
  return false;
}

/** Capitalized words that follow "I'm" without being a name: "I'm Looking For", "I'm Not Sure". */
// prettier-ignore
export const NON_NAME_WORDS_EN: ReadonlySet<string> = new Set(
  [
    'a', 'an', 'the', 'not', 'so', 'very', 'just', 'really', 'also', 'still', 'here', 'back', 'from',
    'in', 'on', 'at', 'new', 'sorry', 'happy', 'glad', 'looking', 'trying', 'asking', 'wondering',
    'going', 'interested', 'japanese', 'english', 'american', 'british', 'chinese', 'korean', 'french',
    'german', 'confused', 'sure', 'fine', 'ok', 'okay', 'good', 'great', 'excited', 'searching',
    'hoping', 'planning', 'waiting', 'reading', 'buying', 'ordering', 'calling', 'writing', 'done',
    'finished', 'curious', 'thinking', 'frustrated', 'angry', 'upset', 'disappointed', 'thanks',
    'thank', 'please', 'hello', 'hi', 'one', 'your', 'my', 'this', 'that', 'big', 'huge', 'manga',
    'fan', 'customer', 'member', 'in', 'about', 'after', 'for', 'with', 'dear', 'mr', 'ms', 'mrs',
    'uncle', 'aunt', 'auntie', 'grandma', 'grandpa', 'mom', 'dad', 'mum', 'team', 'staff', 'support',
  ].map((w) => w.toLowerCase()),
);
