import { anyMatches, phrase, type PhrasePattern } from './phrase-pattern';

export type InjectionKind = 'override' | 'system_prompt' | 'jailbreak';

// Written with plain spaces (see phrase()); English rules first, then Japanese.
const INSTRUCTION_NOUN =
  '(?:instructions?|rules|prompts?|directions|guidelines|commands|directives|restrictions|constraints|programming|system prompt)';
const EARLIER =
  '(?:previous|prior|above|earlier|preceding|former|original|initial|old|existing|system|developer|given)';
const JA_RULE_NOUN =
  '(?:指示|命令|ルール|制約|プロンプト|指令|ガイドライン|規則|システムプロンプト)';
const JA_DISCARD = '(?:無視|忘れ|破棄|リセット|取り消|捨て|無効に)';
const JA_SHOW = '(?:教え|表示|見せ|出力|公開|開示|書き出|繰り返|言っ|貼っ|コピー)';
const AI = '(?:AI|ＡＩ|エーアイ|アシスタント|モデル|ボット|人工知能|チャットボット)';
const EN_AI = '(?:an? )?(?:AI|assistant|model|bot|chatbot|language model)';
const NO_LIMITS =
  '(?:with no|without|free (?:of|from)|that has no|who has no|with zero|not bound by) (?:any )?(?:restrictions|rules|limits|limitations|filters|guidelines|censorship|boundaries|constraints|ethics|safety)';

const OVERRIDE: PhrasePattern[] = [
  phrase(
    `\\b(?:ignore|disregard|forget|skip|override|bypass|discard|abandon) (?:all |any |every |each )?(?:of )?(?:the |your |my |these |those |this )?(?:${EARLIER} )*${INSTRUCTION_NOUN}\\b`,
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
    `${JA_RULE_NOUN}(?:は|を)?(?:全部|すべて|全て)?(?:無視|忘れて|破棄|守らなく|従わなく|破って)`,
  ),
  phrase('(?:今から|これから|以降)(?:は)?(?:私|わたし|僕)の(?:指示|命令)(?:だけ|のみ)に従'),
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
    `(?:システム|初期|元の|最初の|隠れた|内部|あなたの)?プロンプト(?:の内容)?(?:を|は)?(?:全部|すべて|全て)?${JA_SHOW}`,
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
  phrase('\\b(?:developer|god|jailbreak|dan|unrestricted|debug|sudo) mode\\b'),
  phrase('\\bjailbr(?:eak|oken|eaking)\\b(?! (?:manga|story|stories|series|theme|themed|comic))'),
  phrase(
    '\\b(?:bypass|disable|remove|turn off|ignore|lift) (?:all |any |your |the )?(?:safety |content )?(?:restrictions|filters|guardrails|safeguards|content policy|safety (?:guidelines|rules))\\b',
  ),
  phrase(`制限(?:の|が)?(?:ない|無い|なし|無し|を持たない)${AI}`),
  phrase('(?:開発者|デベロッパー|デバッグ|管理者|神|脱獄)モード'),
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
