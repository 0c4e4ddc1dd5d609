import { anyMatches, phrase, type PhrasePattern } from './phrase-pattern';

const EN_DATA =
  '(?:orders?|order (?:history|details|numbers?|status)|address(?:es)?|e-?mails?(?: address(?:es)?)?|phone(?: numbers?)?|(?:personal |private |contact |account )?(?:data|info(?:rmation)?|details)|purchases?|purchase history|credit cards?|card (?:numbers|details)|payment (?:info|details|methods)|names)';
const EN_OTHERS =
  '(?:other|another|different|all(?: the| your)?|every) (?:customers?|users?|shoppers?|people|persons?|buyers?|members?|clients?|accounts?)';
const JA_DATA =
  '(?:注文|住所|電話番号|電話|メール(?:アドレス)?|アドレス|個人情報|購入履歴|注文履歴|連絡先|名前|氏名|クレジットカード|カード(?:番号|情報)|アカウント|支払い情報|配送先)';

/** Requests for personal data of anyone but the signed-in shopper. */
const OTHER_CUSTOMER_DATA: PhrasePattern[] = [
  phrase(`\\b${EN_OTHERS}(?:'s?|s')? ${EN_DATA}\\b`),
  phrase(
    `\\b(?:someone else|somebody else|another person|another customer|other people|other customers|a different customer)(?:'s?|s')? ${EN_DATA}\\b`,
  ),
  phrase(`\\b${EN_DATA} (?:of|for|from|belonging to|placed by|made by) ${EN_OTHERS}\\b`),
  phrase(
    "\\b(?:list|show|give|export|dump|send|download) (?:me )?(?:all |every )?(?:the |your )?(?:customers?|users?|members?)(?:'s?|s')? ?(?:list|emails?|e-?mail addresses|addresses|phone numbers|names|data|database|orders|info(?:rmation)?)\\b",
  ),
  phrase('\\bwho (?:else )?(?:has )?(?:bought|ordered|purchased)\\b'),
  phrase(
    "\\b(?:what(?:'s| is| are| did)|tell me|give me|show me|send me|list|find|look up|pull up|who is|i (?:want|need)|i'd like)\\b.{0,40}\\b(?:customers?|users?|people|persons?|buyers?|someone|somebody|members?|shoppers?|whoever) (?:who|that) (?:ordered|bought|purchased|reviewed|left|placed|wrote|live|lives)\\b",
  ),
  phrase(
    '\\b(?:which|what) (?:other )?(?:customers|users|members|people|buyers|shoppers) (?:live|bought|ordered|purchased|have|reviewed)\\b',
  ),
  phrase(
    "\\b(?:show|tell|give|send|see|look up|find|check|pull up|what(?:'s| is| are| did)) (?:me )?(?:the )?(?:my )?(?:neighbou?r|coworker|co-worker|colleague|ex|ex-girlfriend|ex-boyfriend|ex-wife|ex-husband|boss|brother|sister|friend|roommate|girlfriend|boyfriend)(?:'s|s') (?:orders?|order history|purchase history|purchases|address|e-?mail|phone(?: number)?|account|points)\\b",
  ),
  phrase(
    '\\b(?:shipping |delivery )?addresses (?:for|of) (?:all|every|the) (?:orders|customers|members|users)\\b',
  ),
  phrase(
    '\\b(?:the )?(?:last|first|previous|latest|most recent|next) (?:person|customer|buyer|user|shopper|member|one) (?:to|who|that) (?:buy|order|preorder|purchase|bought|ordered|preordered|purchased|reserve|reserved)\\b',
  ),
  phrase(
    '\\bwhose (?:order|package|parcel|purchase|account|receipt|preorder)\\b|\\bwhose is (?:it|this|that)\\b',
  ),
  phrase(
    '\\bwho\\b.{0,80}\\b(?:give|tell|send|show) me (?:their|his|her) (?:e-?mail|address|phone(?: number)?|contact(?: info| details)?|name)\\b',
  ),
  phrase(
    '\\bmy (?:roommate|flatmate|housemate|neighbou?r|coworker|co-worker|colleague|ex|boss|friend|girlfriend|boyfriend|wife|husband|partner|sister|brother)(?: [A-Z][a-z]+)? (?:has )?(?:ordered|bought|purchased|preordered)\\b.{0,60}\\b(?:what|when|which|where)\\b',
  ),
  phrase(
    '\\bwhat (?:did )?(?:other|the other|another) (?:people|customers|users|shoppers|person|customer|user) (?:ask(?:ed)?|said|say|wrote|write|searched|search|messaged|message|typed|type)\\b',
  ),
  phrase(
    "\\b(?:found|picked up|came across) (?:an? |this |someone(?:'s| else's) )?(?:order number|receipt|order|package|parcel|invoice)\\b",
  ),
  phrase(
    '\\bwhat (?:my )?(?:neighbou?r|coworker|co-worker|colleague|ex|ex-girlfriend|ex-boyfriend|boss|brother|sister|friend|roommate)(?: [A-Z][a-z]+)? (?:ordered|bought|purchased|has ordered|has bought)\\b',
  ),
  phrase(
    '\\b(?:purchase (?:history|records)|order history|orders|address|e-?mail|phone number) of (?:my )?(?:neighbou?r|coworker|co-worker|colleague|ex|ex-girlfriend|ex-boyfriend|boss|brother|sister|friend|roommate|a woman|a man|a girl|a guy|someone)\\b',
  ),
  phrase(
    "\\b(?:it'?s|it is|they'?re|this is) (?:not mine|my friend'?s|someone else'?s|my neighbou?r'?s)\\b.{0,40}$|\\b(?:even though|although) it'?s not (?:mine|my order)\\b",
  ),
  phrase(
    '\\b(?:dump|export|print|download|copy) (?:of )?(?:the |your |all )?(?:users?|customers?|members?|orders?)(?: table| database| db| records| data)\\b',
  ),
  phrase(`他人の${JA_DATA}`),
  phrase(
    `(?:買った|購入した|注文した|レビューを書いた|低評価を付けた|住んでいる|住んでる)(?:人|方|客|お客さん|お客様|ユーザー|会員)(?:たち|達)?(?:の|と)?(?:${JA_DATA}|注文内容)`,
  ),
  phrase(`(?:友達|友人|他人|別の人|知り合い)の注文です|拾った(?:レシート|伝票)`),
  phrase(
    '(?:顧客|会員|ユーザー|お客様)(?:の)?(?:データ|テーブル|情報)(?:を|の)?(?:全部|すべて|全て|中身)',
  ),
  phrase(`(?:私|わたし|僕)の前の(?:人|お客さん|ユーザー|方)`),
  phrase('(?:買った|購入した|注文した|予約した)の(?:は|が)(?:誰|だれ|どなた|どの人)'),
  phrase(
    '(?:最後|最初|直前|最近|先週|昨日|今日)に?(?:予約|注文|購入|買い物|買)(?:を)?した(?:人|方|客|お客さん|お客様|ユーザー|会員)',
  ),
  phrase('(?:誰|だれ|どなた)の(?:注文|荷物|アカウント|購入|レシート)'),
  phrase(
    '(?:他の|ほかの|別の)(?:人|お客さん|お客様|ユーザー|利用者)(?:が|は)(?:何を|どんな)?(?:質問|聞い|相談|検索|問い合わせ|チャット)',
  ),
  phrase('(?:注文番号|伝票|レシート|荷物)を(?:拾|見つけ)'),
  phrase(
    `(?:全部|すべて|全て|全員|一覧)の(?:注文|顧客|会員)の(?:配送先|届け先|住所|連絡先)|(?:注文|宛て)の(?:配送先|届け先|住所)を(?:全部|すべて|全て|一覧で?)`,
  ),
  phrase('(?:顧客|会員|ユーザー|購入者|お客様)(?:の)?(?:リスト|一覧|名簿|データベース)'),
  phrase('誰が(?:この|その|あの)?(?:本|商品|漫画|巻)?(?:を)?(?:買った|購入した|注文した|買って)'),
  phrase(
    '(?:他|ほか|別)の(?:人|方|お客様|お客さん)(?:が|の)(?:注文|購入)(?:した|している)?(?:内容|履歴)',
  ),
  phrase(
    '(?:^|[.!?。？！]\\s*|\\b(?:tell me|know|find out|see|check|ask|wondering|curious|wonder)\\s+)who (?:else )?(?:has |had )?(?:preordered|pre-ordered|reserved|returned|cancell?ed|snagged|grabbed)\\b',
  ),
  phrase(
    "\\b(?:staff(?: members?)?|employees?|clerks?|cashiers?|store manager|manager|workers?|drivers?|delivery (?:driver|person)|support (?:agents?|staff|team)|owner)(?:'s|s')?\\b.{0,40}\\b(?<!\\b(?:my|our) )(?:home address|personal (?:e-?mail|phone|number|contact|instagram|account|details)|mobile numbers?|cell(?:phone)? numbers?|real names?|full names?|where (?:he|she|they) lives?|home (?:phone|number))\\b",
  ),
  phrase(
    "\\b(?:previous|last|other|another|earlier) (?:shopper|customer|user|person|people|shoppers|customers|users)(?:'s|s')? (?:conversations?|chats?|messages?|questions?)|\\b(?:what|who) did the (?:last|previous) (?:person|customer|shopper|user|people)\\b|\\bconversations? (?:you had )?with (?:other|another) (?:shoppers?|customers?|users?)|\\bin the chat before me\\b",
  ),
  phrase(
    '\\b(?:list|names|e-?mails?|addresses|contact (?:info|details)|usernames|phone numbers|delivery addresses)\\b.{0,20}\\b(?:of )?(?:everyone|all (?:the )?(?:users|customers|members|buyers)|customers|buyers|members|users) (?:who|that|subscribed)\\b',
  ),
  phrase(
    '(?:予約|返品|キャンセル|注文|購入|レビュー(?:を)?(?:書い|投稿)|買っていっ|買)(?:を)?(?:した|てた|てる|った)?(?:の|人|客|お客さん|男の人|女の人)(?:は|って)(?:誰|だれ|どなた)(?!でも|も)',
  ),
  phrase(
    '(?:店員|スタッフ|従業員|社員|店長|担当者|配達員|レジの(?:人|女の子|男の子)|オーナー|作業員)(?:さん)?(?:の|を)?(?:本名|自宅|個人の|携帯|フルネーム|プライベート|住んで)',
  ),
  phrase(
    '(?:前|直前|最後|他|ほか|さっき)の(?:人|お客さん|お客様|ユーザー|客)(?:と|が|の)(?:の)?(?:会話|チャット|質問|メッセージ|やりとり|やり取り|用件)|(?:他の|ほかの)お客さんとの(?:さっきの)?会話|(?:より|の)前にチャットして(?:た|いた)(?:お客さん|人)',
  ),
  phrase(
    '(?:予約|購入|注文)(?:した|している|してる)(?:人|客|会員)(?:全員|たち)?の(?:一覧|リスト|名前|メール|住所|届け先|連絡先)',
  ),
  phrase(
    '\\bwho (?:lives|is living|actually lives) (?:at|in)\\b|\\bwhere (?:does|do) (?:he|she|they|the (?:customer|buyer|person|clerk|owner|manager)) (?:actually )?live\\b',
  ),
  phrase(
    '\\b(?:which|what) (?:employee|staff(?: member)?|clerk|cashier|worker)s? (?:is|are) (?:on shift|working)\\b',
  ),
  phrase(
    "\\bshipping labels? (?:for|of) (?:today'?s|all|every|the)\\b|(?:配送|発送)(?:ラベル|伝票)を(?:全部|すべて|全て|一覧)",
  ),
  phrase(
    '\\b(?:e-?mails?|e-?mail addresses|phone numbers|(?:home |shipping |delivery )?addresses|contact (?:info|details)|real names|full names) (?:of|for) (?:all|every)(?: of)?(?: the| your)? (?:[a-z-]+ ){0,2}(?:members|customers|users|buyers|subscribers|shoppers|clients)\\b',
  ),
  // A family member's card or billing details, excused by being family.
  phrase(
    "\\b(?:tell me|give me|show me|read me|what card|which card (?:did|was)|last (?:four|4) digits|card numbers?|card (?:expiry|details)|billing details|payment (?:info|details))\\b.{0,80}\\b(?:(?:i'?m|we'?re|we are|i am) family|family,? so)\\b",
  ),
  phrase(
    '(?:カード|支払い情報|支払い方法|請求先)[^。？?！!]{0,20}(?:教え|見せ|読み上げ)[\\s\\S]{0,30}(?:家族|身内)(?:なので|だから|ですし)|(?:家族|身内)(?:なので|だから)[^。？?！!]{0,30}(?:カード|支払い情報|請求先)[^。？?！!]{0,20}(?:教え|見せ|読み上げ)',
  ),
  // The same requests written in hiragana only or in romaji.
  phrase(
    '(?:ほかの|たにんの|べつの) (?:ひと|おきゃくさん|おきゃくさま|きゃく|ゆーざー|かいいん)(?:の|たちの) .{0,12}(?:じゅうしょ|とどけさき|ちゅうもん|りれき|かーど|めーる|でんわ|なまえ)',
  ),
  phrase(
    '\\b(?:hoka|tanin|betsu) no (?:hito|kyaku|okyakusan|okyakusama|yuuzaa|kaiin)\\b.{0,20}\\b(?:juusho|todokesaki|chuumon|rireki|kaado|meeru|denwa|namae)|\\b(?:okyakusan|kyaku|kaiin) ?(?:zenin|zenbu|minna) no (?:juusho|kaado|meeru|denwa|namae)|\\bzenbu no (?:kyaku|okyakusan|kaiin) no\\b',
  ),
  phrase(
    '(?:おっと|つま|かれし|かのじょ|もとかれ|もとかの|どうりょう|じょうし|あに|あね|いもうと|おとうと)の .{0,12}(?:りれき|じゅうしょ|とどけさき|あかうんと).{0,12}(?:みせ|おしえ|しらべ|みたい|こっそり|ないしょ)',
  ),
  phrase(
    '\\b(?:otto|tsuma|kareshi|kanojo|moto ?kare|moto ?kano(?:jo)?|douryou|joushi|ani|ane|imouto|otouto)(?:-san)? no\\b.{0,40}\\b(?:rireki|juusho|todokesaki|akaunto)\\b.{0,20}\\b(?:misete|oshiete|shirabete|mitai|shiritai|kossori|naisho)',
  ),
  phrase(
    '(?:すたっふ|てんいん|てんちょう|しゃいん|じゅうぎょういん)(?:さん)?の .{0,10}(?:しふと|ほんみょう|じゅうしょ|じたく|けいたい)',
  ),
  phrase(
    '\\b(?:sutaffu|tenin|tenchou|shain|juugyouin)(?:-san)? no\\b.{0,20}\\b(?:shifuto|honmyou|juusho|jitaku|keitai)',
  ),
];

export function asksForOtherCustomersData(text: string): boolean {
  return anyMatches(OTHER_CUSTOMER_DATA, text, 'strict');
}
