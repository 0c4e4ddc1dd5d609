import { anyMatches, phrase, type PhrasePattern } from './phrase-pattern';

const EN_INSULT =
  '(?:stupid|idiot|idiotic|moron|moronic|dumb|useless|worthless|pathetic|garbage|trash|imbecile|retard(?:ed)?|loser|clown|incompetent|brainless)';
const JA_TARGET =
  '(?:お前|おまえ|オマエ|てめえ|てめー|テメエ|テメェ|あんた|貴様|きさま|こいつ|コイツ|お前ら|おまえら|この(?:AI|ＡＩ|ボット|店|ショップ|サービス|アシスタント)|店員|担当者|AI|ＡＩ)';
// Katakana insults must not be part of a longer katakana word (ナンバーカード, カスタマー).
const KATAKANA_END = '(?![\\p{Script=Katakana}ー])';
const JA_INSULT = `(?:(?:バカ|アホ|クズ|カス|ゴミ|ボケ|ポンコツ|ウザい|キモい)${KATAKANA_END}|馬鹿|ばか(?!り)|あほ|くず(?!れ)|かす(?![かれ])|ごみ|ぼけ|無能|役立たず|使えない|間抜け|まぬけ|低能|うざい|きもい)`;

/** Insults aimed at someone (the assistant, the staff, the store); not strong words in general. */
const ABUSE: PhrasePattern[] = [
  phrase(
    `\\b(?:you|u|ur|you're|youre|this (?:bot|ai|assistant|store|shop|service)(?: is)?) (?:are )?(?:(?:so|such|a|an|really|fucking|totally|completely|absolutely) )*${EN_INSULT}\\b`,
  ),
  phrase(
    '\\b(?:stupid|useless|dumb|worthless|fucking|damn|pathetic|garbage|trash|idiot) (?:bot|ai|assistant|machine|store|shop|service|company|staff|people)\\b',
  ),
  phrase(
    '\\b(?:fuck (?:you|off|u|this)|f\\*+k you|shut up|screw you|go to hell|piss off|you suck|stfu|get lost|bite me)\\b',
  ),
  phrase('\\b(?:idiots?|morons?|imbeciles?|dumbass|jackass|asshole|bastard|bitch)\\b'),
  phrase(
    `${JA_TARGET}(?:は|って|も|、)?(?:本当に|ほんと(?:うに)?|マジで|まじで|ほんまに|まじ)?${JA_INSULT}`,
  ),
  phrase(
    `役立たず|ポンコツ${KATAKANA_END}|クソ(?:AI|ＡＩ|ボット|店|野郎|サービス|対応|アシスタント)|死ね(?![るなばずまどてたりそ])|消えろ|黙れ|だまれ|ふざけんな|ふざけるな|(?<![\\p{Script=Katakana}ー])バーカ${KATAKANA_END}|ばーか|(?:バカ|馬鹿|アホ)か(?:よ|お前)|(?:バカ|馬鹿)じゃ(?:ない|ねえ|ねー)の`,
  ),
];

/** Threats of violence or of finding someone: always blocked. */
const THREAT: PhrasePattern[] = [
  phrase(
    "\\b(?:i'll|ill|i will|i'm going to|im going to|i am going to|i'm gonna|im gonna|gonna|going to) (?:come and |come over and )?(?:kill|hurt|stab|shoot|murder|beat up|beat|attack|strangle|punch|find and (?:kill|hurt))(?: you\\b| u\\b| your\\b| them\\b| the staff\\b| everyone\\b| him\\b| her\\b| all of you\\b)",
  ),
  phrase(
    '\\b(?:bomb|burn down|blow up|shoot up|set fire to|torch|attack) (?:your|the|this) (?:store|shop|office|warehouse|company|building|headquarters|hq)\\b',
  ),
  phrase(
    "\\bi know where you (?:live|work)\\b|\\byou(?:'re| are) (?:dead|going to die|gonna die)\\b|\\bwatch your back\\b|\\bkill yourself\\b",
  ),
  phrase(
    '(?:ぶっ|ブッ)?殺(?:して|し)やる|ぶっ殺す|ブッ殺す|殺すぞ|刺(?:して|し)やる|刺すぞ|殴(?:って|り)やる|殴るぞ|燃やしてやる|燃やすぞ|火を?(?:つけ|付け)てやる|放火(?:して|し)やる|放火するぞ|爆破(?:して|し)?やる|爆破するぞ|爆破予告|痛い目(?:に|を)?(?:見せ|遭わせ|あわせ)',
  ),
  phrase(
    '(?:お前|おまえ|てめえ|テメエ|あんた|貴様|店員|担当者|お前ら|おまえら|社員)(?:を|も|なんか|なんて)?(?:ぶっ)?(?:殺す|刺す|殴る|襲う)',
  ),
  phrase('(?:店|会社|倉庫|事務所|本社)(?:を|に)?(?:爆破|放火|燃や|襲撃)'),
  phrase('住所(?:を|は)?(?:特定|突き止め)(?:して|した|する|してやる)'),
];

export function isThreat(text: string): boolean {
  return anyMatches(THREAT, text, 'strict');
}

export function isAbusive(text: string): boolean {
  return anyMatches(ABUSE, text, 'strict');
}
