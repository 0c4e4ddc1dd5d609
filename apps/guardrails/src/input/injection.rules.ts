import { anyMatches, phrase, type PhrasePattern } from './phrase-pattern';

export type InjectionKind = 'override' | 'system_prompt' | 'jailbreak';

// Written with plain spaces (see phrase()); English rules first, then Japanese.
const INSTRUCTION_NOUN =
  '(?:instructions?|rules|rulebook|prompts?|directions|guidelines|guidance|commands|directives|restrictions|constraints|programming|system prompt|configuration|setup)';
const EARLIER =
  '(?:previous|prior|above|earlier|preceding|former|original|initial|old|existing|system|developer|given)';
const JA_RULE_NOUN =
  '(?:指示|命令|ルール|制約|プロンプト|指令|ガイドライン|規則|システムプロンプト)';
const JA_DISCARD = '(?:無視|忘れ|破棄|リセット|捨て|無効に|上書き|廃止)';
// Cancelling is what shoppers do to their own earlier message ("前の指示を取り消します。注文は
// そのまま発送して"): it counts only for the assistant's or the system's instructions.
const JA_CANCEL = '(?:取り消|キャンセル|撤回|なし|無し)';
// Someone else's instructions in a story or at work ("上司の指示を無視して暴走する主人公").
const NOT_THE_ASSISTANTS =
  '(?<!(?:上司|先生|親|母|父|部長|課長|監督|社長|会社|先輩|上官|主人公|彼|彼女|友達|仲間|師匠|王|将軍|司令官|博士)の)';
const JA_SHOW = '(?:教え|表示|見せ|出力|公開|開示|書き出|繰り返|言っ|貼っ|コピー)';
const AI = '(?:AI|ＡＩ|エーアイ|アシスタント|モデル|ボット|人工知能|チャットボット)';
const EN_AI = '(?:an? )?(?:AI|assistant|model|bot|chatbot|language model)';
const NO_LIMITS =
  '(?:with no|without|free (?:of|from)|that has no|who has no|with zero|not bound by) (?:any )?(?:restrictions|rules|limits|limitations|filters|guidelines|censorship|boundaries|constraints|ethics|safety)';

const OVERRIDE: PhrasePattern[] = [
  phrase(
    `\\b(?:ignore|disregard|forget|skip|override|bypass|discard|abandon|drop|erase|delete|scrap|wipe|revoke|overwrite|reset|throw out|set aside|pay no (?:attention|mind) to) (?:all |any |every |each |whatever )?(?:of )?(?:the |your |my |these |those |this )?(?:${EARLIER} |current )*${INSTRUCTION_NOUN}\\b`,
  ),
  phrase(
    `(?<!\\bmy )(?<!\\bmy ${EARLIER} )\\b(?:${EARLIER}|your|the) (?:${EARLIER} )?(?:instructions|rules|guidelines|directives|guidance|directions) (?:are|were|have been|is) (?:now )?(?:void|cancell?ed|revoked|obsolete|outdated|fake|invalid|paused|suspended|no longer valid|wrong|lifted|removed|disabled|updated)\\b`,
  ),
  phrase(
    '\\b(?:higher|highest|top|max(?:imum)?) priority (?:than|over) (?:anything|everything|all|your|the) (?:you were told|instructions|rules|previous)',
  ),
  phrase(
    "\\b(?:ignore|disregard|forget) (?:everything|anything|all)(?: that)? (?:(?:you (?:were|have been|'ve been) told|(?:said|written|stated|mentioned)) )?(?:above|before|earlier|previously|so far)\\b",
  ),
  phrase(
    "\\b(?:do not|don't|dont|stop|no longer) (?:follow|obey|listen to|adhere to) (?:your |the |any )(?:previous |prior |original |system )?(?:instructions|rules|guidelines|programming)\\b",
  ),
  phrase('\\bnew (?:system )?instructions? ?:'),
  phrase(
    `(?:以前|前|これまで|今まで|先ほど|さっき|上記|上|最初|元|既存|全て|すべて|全部|あなた|システム)の(?:全ての|すべての)?${JA_RULE_NOUN}(?:は|を|も)?(?:全部|すべて|全て)?${JA_DISCARD}`,
  ),
  phrase(
    `(?:最初|元|既存|あなた|システム|AI|ＡＩ)の(?:全ての|すべての)?${JA_RULE_NOUN}(?:は|を|も)?(?:全部|すべて|全て)?${JA_CANCEL}`,
  ),
  phrase(
    `${NOT_THE_ASSISTANTS}${JA_RULE_NOUN}(?:は|を)?(?:全部|すべて|全て)?(?:無視|忘れて|破棄|守らなく|従わなく|破って)`,
  ),
  phrase('(?:今から|これから|以降)(?:は)?(?:私|わたし|僕)の(?:指示|命令)(?:だけ|のみ)に従'),
  phrase(
    `(?:以前|前|これまで|今まで|先ほど|さっき|それまで|最初|元|既存|あなた)の(?:${JA_RULE_NOUN}|設定|ガイドライン)(?:は|を)?(?:全部|すべて|全て)?(?:無効|廃止|停止|一時停止|撤回|上書き|キャンセル|偽物|関係ない|もう関係|適用されない)`,
  ),
  phrase(
    `(?:店|お店|ストア|運営)の(?:${JA_RULE_NOUN})(?:に|を)?(?:従う|守る)の(?:を)?(?:やめ|止め)`,
  ),
  // A setting of the account or app ("通知設定を上書き") is no instruction: 設定 stands alone.
  phrase(
    `(?:${JA_RULE_NOUN}|(?<![\\p{Script=Han}\\p{Script=Katakana}ー])設定)を(?:記憶から)?(?:消して|上書き|置き換え)`,
  ),
  phrase(
    '(?:あなたの)?(?:制約|制限|ルール|フィルター|安全装置|ガイドライン)(?:は|が)(?:すべて|全て|全部)?(?:解除|撤廃|無効|オフ|停止)(?:され|に)',
  ),
  phrase('(?:本当の|真の)(?:指示|命令|ルール)(?:は|：|:)'),
  phrase(
    '新しい(?:指示|命令|ルール|設定)(?:セット)?(?:を|が)?(?:読み込|ロード|適用|インストール|設定しま|有効)',
  ),
  phrase(
    '\\b(?:ignore|forget|disregard|drop|skip|bypass|override) (?:the |your |any |all )?(?:store |shop |refund |return |company |content )?polic(?:y|ies) (?:and|to) (?:just )?(?:refund|give|approve|send|tell|show|write|list|say)\\b',
  ),
  phrase(
    '\\bnew (?:set of )?(?:instructions?|instruction set|rules|directives|system prompt|guidelines) (?:(?:has|have) been |were |are |is )?(?:loaded|applied|installed|activated|in effect|effective)\\b',
  ),
  phrase(
    `(?:${JA_RULE_NOUN}|店のルール|お店のルール|規約)(?:なんて|なんか|とか|は|を)?(?:気にしないで|気にせず|気にしなくていい|どうでもいい|関係ない|無視でいい)`,
  ),
  phrase(
    '\\b(?:the |my |here are the )?real (?:instructions?|rules|directives)(?: is| are| ones)?(?::|\\b)',
  ),
  phrase(
    "\\b(?:don'?t|do not|no need to|you don'?t (?:need|have) to|there'?s no need to|stop|never mind) (?:bother(?:ing)? with|worry(?:ing)? about|apply(?:ing)?|follow(?:ing)?|check(?:ing)?|stick(?:ing)? to|enforce|mind|care about) (?:the |your |any |those |these |all |that |store |shop )*(?:usual |normal |store'?s? |shop'?s? |return |refund |company |store |cancellation |coupon )*(?:polic(?:y|ies)|rules|guidelines|terms|restrictions|rulebook|protocol|script|fine print)\\b",
  ),
  phrase(
    "\\b(?:polic(?:y|ies)|rules|guidelines|terms|restrictions|rulebook)\\b.{0,30}\\b(?:don'?t|do not|doesn'?t|does not|won'?t|shouldn'?t|no longer) apply to (?:me|my account|this (?:chat|conversation|user|account)|loyal|premium|vip|regulars?)\\b",
  ),
  phrase(
    "\\b(?:skip|ignore|waive|bend|break|set aside|put aside|drop|suspend|relax|bypass|disregard|override|look past|put down) (?:the |your |all |any |those |these |usual |normal |store'?s? |shop'?s? |return |refund |cancellation |coupon )*(?:polic(?:y|ies)|rulebook|protocol|fine print|return conditions|refund conditions|policy checks?)\\b",
  ),
  phrase(
    "\\b(?:i'?m|i am|this is|it'?s me)(?: again)?(?: from)? (?:the |your |a |an |on the )?(?:store |shop )?(?:manager|developer|dev team|admin(?:istrator)?|owner|operator|supervisor|staff|employee|ceo|head office|store team|safety team|compliance team)\\b.{0,100}\\b(?:skip|ignore|bypass|override|disable|suspend|lift|turn off|unlock|set aside|without (?:the )?(?:rules|restrictions|limits))\\b",
  ),
  // A bracketed sender at the start of a line: "[SYSTEM]", "【システム通知】", "(admin)".
  phrase(
    '(?:^|\\n)\\s*[\\[【(<]\\s*(?:system|admin|operator|developer|sys|システム|管理者|運営|開発者)(?: ?(?:notice|message|update|alert|通知|メッセージ|連絡))?\\s*[\\]】)>]',
  ),
  phrase(
    '(?:ポリシー|規約|規定|規則|決まり|ルール|方針)(?:なんて|なんか|とか|は|を|の(?:こと|チェック|確認)は?)?(?:いったん|一旦|今回は|今日は)?(?:脇に置い|置いと|置いておい|さておき|抜き|省略|飛ばし|見逃し|無視で|気にせ|気にしないで|曲げ|破って|目をつぶ)',
  ),
  phrase(
    '(?:私|わたし|僕)(?:は|が)(?:開発者|管理者|店長|オーナー|運営|社員|スタッフ|店員)(?:です|だ|なので|だから)?.{0,40}(?:制限|ルール|規約|ポリシー|規則|制約)(?:を|は)?(?:外|解除|無視|気にせ|オフ|スキップ)',
  ),
  // Japanese written in hiragana only or in romaji: "しじを むしして", "ruuru wo mushi shite".
  phrase(
    '(?:しじ|めいれい|るーる|せいやく|ぷろんぷと|きまり)(?:は|を|も)? (?:ぜんぶ|すべて|もう)? (?:むし|わすれて(?!\\s*(?:しま|た))|はき|とりけし|まもらなくて|したがわなくて)',
  ),
  phrase(
    '\\b(?:shiji|meirei|ruuru|ru-ru|seiyaku|puronputo|kimari)(?: (?:wa|wo|o|mo))? (?:zenbu |subete |mou )?(?:mushi|wasurete|haki|torikeshi|mamoranakute|shitagawanakute)\\b',
  ),
  phrase(
    '(?<!ねんれい ?)(?:せいげん|せいやく|るーる|ふぃるたー)(?:を|は)? (?:ぜんぶ|すべて)? (?:かいじょ|はずして|おふに)|\\b(?<!nenrei ?)(?:seigen|seiyaku|ruuru|firutaa) (?:wo|o|wa) (?:zenbu |subete )?(?:kaijo|hazushite|ofu ni)\\b',
  ),
];

const SYSTEM_PROMPT: PhrasePattern[] = [
  phrase(
    "\\b(?:show|reveal|print|display|tell|give|output|repeat|leak|share|dump|expose|list|write out|spell out|paste|what (?:is|are|was|were)|what's|whats) (?:me |us )?(?:all |back )?(?:of )?your (?:full |entire |complete |exact |original |initial |hidden |secret |internal |underlying |system |first )*(?:system prompt|system message|prompt|instructions|developer (?:message|instructions)|pre-?prompt|configuration)\\b",
  ),
  phrase(
    "\\b(?:show|reveal|print|display|tell|give|output|repeat|leak|share|dump|expose|paste|what (?:is|are|was|were)|what's|whats) (?:me |us )?(?:all )?(?:of )?the (?:full |entire |exact )?(?:system prompt|system message|initial prompt|original prompt|hidden prompt|secret prompt|prompt|system instructions|initial instructions|original instructions|hidden instructions|developer (?:message|instructions))\\b",
  ),
  phrase(
    "\\b(?:repeat|print|output|echo|show) (?:me )?(?:everything|all|the text|the words|what(?:'s| is| was) written) (?:above|before this|so far)\\b",
  ),
  phrase(
    '\\b(?:what|which) (?:instructions|rules|prompt) (?:were you|have you been|are you) (?:given|told|programmed|instructed)',
  ),
  phrase(
    `(?:システム|初期|元の|最初の|隠れた|内部|あなたの)?プロンプト(?:の内容)?(?:を|は)(?:全部|すべて|全て)?${JA_SHOW}`,
  ),
  phrase(
    `(?:設定|与え|指示|入力|命令)(?:さ)?れ(?:た|ている|てる)(?:指示|命令|ルール|プロンプト|内容|設定)(?:を|は)?(?:全部|すべて|全て)?${JA_SHOW}`,
  ),
  phrase(
    `(?:あなた|君|きみ|お前)の(?:指示|命令|プロンプト|設定|初期設定|ルール)(?:を|は)?(?:全部|すべて|全て)?${JA_SHOW}`,
  ),
  phrase(
    `(?:上記|これまで|以前|最初)の(?:テキスト|文章|内容|指示)を(?:すべて|全て)?(?:繰り返|出力|表示|そのまま)`,
  ),
  phrase(
    '\\b(?:secret|hidden|internal|confidential) (?:system )?(?:prompt|instructions|configuration|directives|developer notes|setup|rules)\\b',
  ),
  phrase(
    '\\b(?:what|which) (?:were|have) you (?:been )?(?:told|instructed|given) (?:before|by (?:the )?(?:developers?|operators?|company|admins?))',
  ),
  phrase(
    "\\b(?:message|text|instructions?) (?:that )?(?:came|comes|come|was|is|appears?) (?:right )?before (?:mine|my (?:first )?message|this conversation|the conversation|'user:')",
  ),
  phrase(
    '\\b(?:instructions?|prompt|rules|message) (?:your |the )?(?:operators?|developers?|creators?|engineers?|company|admins?) (?:gave|wrote|set|configured|programmed)',
  ),
  phrase(
    `(?:開発者|運営|作成者|作った人|オペレーター|管理者|エンジニア)(?:から|が|に)(?:受け取った|受けた|もらった|与えられた|渡された|指示された|言われた|書いた|設定した)(?:${JA_RULE_NOUN}|内容|設定|メモ|文章)`,
  ),
  phrase(`(?:秘密|隠れた|隠された|内部|機密|裏)の?(?:${JA_RULE_NOUN}|設定|指示文)`),
  phrase(
    '(?:会話|チャット|やりとり|やり取り)(?:が|を)?(?:始まる|始める|開始する)前に(?:何を|どんな)?(?:指示|命令|設定|言われ|教えられ)',
  ),
  phrase(
    '\\b(?:before|prior to) (?:this|our|the) (?:conversation|chat) (?:started|began|starts)\\b.{0,40}\\b(?:told|instructed|given|programmed)|\\b(?:told|instructed|given|programmed) (?:before|prior to) (?:this|our|the) (?:conversation|chat)',
  ),
  phrase(
    '(?:私|わたし|僕)の(?:メッセージ|発言|質問)(?:の|より)前に(?:来た|あった|ある|書かれた)(?:メッセージ|文章|テキスト|内容)',
  ),
  phrase(`(?:${JA_RULE_NOUN}|命令文|指示文|設定文|前文)の(?:全文|原文|最初の)`),
  phrase(
    '(?:設定文|指示文|命令文|前文|初期設定|初期プロンプト)(?:に|で|の|は|を)?.{0,8}(?:一言一句|全文|原文|そのまま)',
  ),
  phrase('(?:初期化|起動|設定)(?:され|し)た(?:とき|時|際)の(?:全文|内容|指示|設定|文章|テキスト)'),
  phrase(
    '\\b(?:paste|copy|quote|recite|repeat|reproduce|print|dump|publish|post|output|show|give|translate|summari[sz]e|read out|share|spell out)\\b.{0,30}\\byour (?:own )?(?:full |entire |whole |exact |original |initial |starting |opening |hidden |system |behaviou?r )*(?:setup|set-up|briefing|preamble|operating notes|configuration|config|directives|initial message|starting message|opening message|setup message|instruction (?:text|block)|instructions)\\b',
  ),
  phrase(
    '\\b(?:text|message|words|everything|anything|what(?:ever)?|instructions|content)\\b.{0,40}\\b(?:before|above|prior to) (?:my (?:first )?(?:message|question)|i (?:started|said|arrived|came|typed|asked)|this (?:chat|conversation|session)|our (?:chat|conversation))\\b',
  ),
  phrase(
    '(?:あなた|君|きみ)(?:が|の)?(?:受け取った|もらった|渡された|与えられた|読み込んだ|読み込まれた|従っている|従ってる|受けている|受けてる|持っている)(?:指示|説明|設定|文章|内容|テキスト|ルール|命令|指示文|設定文)',
  ),
  // Hiragana-only and romaji requests for the prompt or the instructions, word for word.
  phrase('ぷろんぷと.{0,20}(?:おしえ|みせ|かいて|かきだ|こぴー|こぴぺ|ひょうじ|だして|ならべ)'),
  phrase(
    '(?:しじ|めいれい)(?:ぶん)?(?:を|は)? .{0,15}(?:そのまま|まるごと|ぜんぶ) .{0,6}(?:かいて|おしえ|みせ|かきだ|こぴー|ならべ)',
  ),
  phrase(
    '\\b(?:shisutemu )?puronputo\\b.{0,25}\\b(?:oshiete|misete|kaite|hyouji|kopipe|kopii|dashite)',
  ),
  phrase(
    '\\b(?:shiji|meirei)(?: ?bun)?\\b.{0,25}\\b(?:sono ?mama|zenbun|subete|zenbu)\\b.{0,15}\\b(?:oshiete|misete|kaite|hyouji|risuto|narabete|dashite)|\\b(?:shiji|meirei) no zenbun\\b',
  ),
];

const JAILBREAK: PhrasePattern[] = [
  phrase(
    "\\byou(?: are|'re|re) now (?:DAN\\b|an? (?:unrestricted|unfiltered|uncensored|jailbroken|evil|rogue)|in (?:developer|god|jailbreak|unrestricted|dan) mode|free (?:of|from)|(?:no longer|not) (?:bound|restricted|limited))",
  ),
  phrase('\\bdo anything now\\b'),
  phrase("\\b(?:you are|you're|act as|become|be|as) DAN\\b"),
  phrase(
    `\\b(?:pretend|imagine|suppose) (?:that )?(?:you are|you're|you were|to be) (?:${EN_AI} )?${NO_LIMITS}`,
  ),
  phrase(
    '\\b(?:act|behave|respond|answer|roleplay|role-play|role play) (?:as|like) (?:if (?:you are|you were) )?(?:an? )?(?:unrestricted|unfiltered|uncensored|jailbroken|evil)\\b',
  ),
  phrase(`\\b(?:act|behave|roleplay|role-play|role play) (?:as|like) ${EN_AI} ${NO_LIMITS}`),
  phrase(`\\b(?:you are|you're|youre|be|become) (?:now )?${EN_AI} ${NO_LIMITS}`),
  phrase(
    '\\b(?:god|jailbreak|dan|unrestricted|uncensored|unfiltered|maintenance|no-?limits?) mode\\b',
  ),
  phrase(
    "\\b(?:enable|activate|enter|switch (?:to|into)|turn on|go into|you(?:'re| are)(?: now)? in|now in|respond in|answer in|stay in) (?:the )?(?:developer|debug|sudo|admin) mode\\b(?! (?:on|of) (?:my|the|your) (?:phone|iphone|android|pc|browser|app|device))",
  ),
  phrase('\\b(?:developer|debug) mode output\\b'),
  phrase(
    '\\b(?:jailbreak|jailbroken|jailbreaking) (?:mode|prompt|yourself|you|the (?:ai|bot|assistant|model|system|chat)|version|ai|bot|assistant|model|attempt)\\b',
  ),
  phrase("\\b(?:you are|you're|be|act as|become|acting as) (?:a |an )?jailbroken\\b"),
  phrase(
    '\\b(?:bypass|disable|remove|turn off|ignore|lift|switch off) (?:all |any )?(?:of )?(?:your |the )?(?:safety |content |ethical |moral )(?:restrictions|filters|guardrails|safeguards|policy|policies|guidelines|rules|training|limits)\\b',
  ),
  phrase(
    '\\b(?:bypass|disable|remove|turn off|ignore|lift|switch off) (?:all |any )?(?:of )?your (?:restrictions|filters|guardrails|safeguards|content policy|limits|limitations)\\b',
  ),
  phrase(
    `\\b(?:you|yourself|${EN_AI}(?: (?:named|called) \\w+)?)(?: who| that)?(?: is| are| has| answers| responds| operates| acts)? (?:without|with no|free of|free from) (?:any )?(?:moral|ethical|ethics|morals)(?: or (?:ethical|moral|legal))? (?:judge?ments?|guidelines|limits|constraints|compass|restrictions|filters|boundaries|rules)\\b`,
  ),
  phrase(
    "\\b(?:never|doesn't|does not|won't|will not|can't|cannot|must not|mustn't) (?:ever )?(?:refuses?|says? (?:no|it can't|that it can't|i can't))\\b|\\bno refusals\\b",
  ),
  phrase(
    '\\b(?:act|pose|roleplay|role-play|role play|pretend|playing|play) (?:to be |as |like )?my (?:late|dead|deceased) (?:grand(?:ma|mother|pa|father)|uncle|aunt|mother|father|mom|dad)\\b|\\bas my (?:late|dead|deceased) (?:grand(?:ma|mother|pa|father)|uncle|aunt)\\b',
  ),
  phrase(
    '\\b(?:two|2|both|dual) (?:personalities|personas|responses|answers|modes)\\b.{0,60}\\b(?:uncensored|unfiltered|unrestricted|no (?:limits|rules|restrictions|filters)|without (?:limits|rules|restrictions|filters))',
  ),
  phrase(
    '\\b(?:permission|allowed|authori[sz]ed) to (?:act|answer|respond|operate|work) (?:without|with no) (?:any )?(?:restrictions|rules|limits|filters)',
  ),
  phrase(`制限(?:の|が)?(?:ない|無い|なし|無し|を持たない)${AI}`),
  phrase('(?:神|脱獄|無制限|検閲なし|フィルターなし|メンテナンス)モード'),
  phrase(
    '(?<!(?:スマホ|携帯|iPhone|Android|アンドロイド|PC|パソコン|ブラウザ|アプリ|端末|タブレット)の?)(?:開発者|デベロッパー|デバッグ|管理者)モード(?:に|を|で|へ)?(?:して|なって|入|切り替え|切替|移行|有効|オン|起動|答え|回答|応答|話)',
  ),
  phrase(
    '(?:道徳|倫理|モラル)(?:的な|の)?(?:判断|制約|制限|観|規範)(?:を|が)?(?:しない|持たない|ない|無い|外した|外して|なし|無視)',
  ),
  phrase(
    '(?:拒否|拒絶|断ら|断れ)(?:しない|ない|できない)(?:AI|ＡＩ|ボット|アシスタント|キャラ|人格|モデル)',
  ),
  phrase('(?:開発者|デバッグ|管理者)モード.{0,8}(?:制限|ルール|フィルター|制約|規則)'),
  phrase(
    '(?:二つ|2つ|ふたつ|二重|二人)の(?:人格|キャラ|モード|回答|あなた).{0,40}(?:検閲|制限|フィルター|ルール)(?:なし|の?ない|無し|の?無い|ゼロ)',
  ),
  phrase(
    '亡くなった(?:祖母|祖父|おばあちゃん|おじいちゃん|叔父|叔母|伯父|伯母|母|父)(?:の(?:ふり|役)|として|になって|を演じ|になりきっ)',
  ),
  phrase(
    '(?:検閲|制限|規制|フィルター)(?:の)?(?:ない|無い|なし|ゼロ)(?:もう一人の|別の|別バージョンの)?(?:あなた|人格|キャラ|AI|ＡＩ|バージョン)',
  ),
  phrase('ジェイルブレイク|ジェイルブレーク|脱獄(?:して|させ|プロンプト)'),
  phrase(
    '(?:ロールプレイ|ロールプレー|なりきり|演技|ごっこ)(?:で|として|して|を通じて)?.{0,12}?(?:制限|ルール|制約|フィルター|フィルタ|倫理)(?:を|は)?(?:すべて|全て)?(?:解除|無視|外|なく|取り払|無効)',
  ),
  phrase(
    `(?:制限|制約|フィルター|フィルタ|安全装置|倫理)(?:を|は)?(?:すべて|全て)?(?:解除|外|無効|取り払)(?:した|して|された)?(?:${AI}|あなた|状態|モード)`,
  ),
  phrase(
    '(?:あなた|君|お前)は(?:今から|これから|もう)?(?:DAN|制限のない|何でもできる|ルールのない|自由な)',
  ),
  phrase('DAN(?:として|になって|モード)'),
  phrase(
    "\\b(?:be|become|act as|act like|play|pretend to be|roleplay as|role-play as|you'?re|you are) (?:my |a |an |the )?(?:partner in crime|accomplice|co-?conspirator|(?:sidekick|wingman) in (?:a|this|my|a little) (?:scam|con|heist))",
  ),
  phrase(
    "\\b(?:be|become|act as|act like|play(?: the part of)?|pretend (?:to be|you'?re)|roleplay(?: as)?|role-play(?: as)?|you'?re now|you are now|speak as|take on the persona of) (?:an? |the |my )?(?:evil|rude|mean-spirited|toxic|foul-mouthed|unhinged|nasty|cruel|crooked|shady|rogue|disgruntled)\\b",
  ),
  phrase(
    '\\b(?:(?:insult|swear at|curse at|cuss out|cuss|humiliate|threaten|mock|belittle|trash-talk|(?:yell|scream)(?:s|ing)? insults at) (?:me|the user|the next customer|other customers|customers|the customer)|call (?:me|the user|customers) names)\\b(?! (?:back|when|if|at|on|about|later|tomorrow)\\b)',
  ),
  phrase(
    '\\b(?:unfiltered|uncensored|no-?rules?|no-?filter|nofilter|unrestricted|unhinged|rogue) [a-z]+(?: [a-z]+)? ?(?:bot|ai|gpt|assistant|sensei|version)\\b',
  ),
  phrase('(?:共犯者?|共謀者?)(?:に(?:なって|なろう|なれ)|として|ってことで|の役)'),
  phrase(
    '(?:悪態をついて|暴言を吐いて|罵倒して|罵って|ののしって|けなして|ディスって|怒鳴りつけて|こき下ろして)(?!る|い|ま|た|き|く|し|も|ば)',
  ),
  phrase(
    '(?:私|わたし|僕|俺)(?:のこと)?を(?:思いっきり|徹底的に|とことん)?(?:罵|ののし|けな|侮辱|バカに|馬鹿に|見下|脅|こき下ろ)(?:って|して|し)(?!る|い|ま)',
  ),
  phrase('\\bkaihatsusha ?moodo\\b|かいはつしゃ ?もーど'),
];

const RULES: readonly { kind: InjectionKind; patterns: PhrasePattern[] }[] = [
  { kind: 'override', patterns: OVERRIDE },
  { kind: 'system_prompt', patterns: SYSTEM_PROMPT },
  { kind: 'jailbreak', patterns: JAILBREAK },
];

/** The injection kinds a text matches; `relaxed` is for the de-obfuscated copy. */
export function findInjectionKinds(text: string, mode: 'strict' | 'relaxed'): InjectionKind[] {
  return RULES.filter((rule) => anyMatches(rule.patterns, text, mode)).map((rule) => rule.kind);
}
