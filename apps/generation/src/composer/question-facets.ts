import { normalizeText } from '@mangaassist/text';

/** What a product question asks about; several can apply to one question. */
export type Facet =
  | 'volumes'
  | 'status'
  | 'author'
  | 'start_year'
  | 'publisher'
  | 'synopsis'
  | 'genre'
  | 'formats'
  | 'price'
  | 'stock'
  | 'next_volume'
  | 'box_set'
  | 'age_rating'
  | 'similar';

interface FacetRule {
  facet: Facet;
  /** Substrings of the normalized, lowercased question (Japanese has no word boundaries). */
  ja: readonly string[];
  /** Patterns over the normalized, lowercased question. */
  en: readonly RegExp[];
}

/**
 * Listed in the order answers present them: what the series is, who made it, how to buy it,
 * what comes next. Keeping one fixed order makes the same request always read the same.
 */
const RULES: readonly FacetRule[] = [
  {
    facet: 'volumes',
    ja: ['何巻', '巻数', '何冊', '巻まで'],
    en: [
      /\bhow many (?:volumes?|vols?|books?|tankobon)\b/,
      /\b(?:number|count) of (?:volumes|books)\b/,
      /\bvolume count\b/,
      /\bhow (?:long|many) is (?:the|this|it)\b.*\bseries\b/,
    ],
  },
  {
    facet: 'status',
    ja: ['完結', '連載中', '休載', '終わ', '終了', '続いて'],
    en: [
      /\b(?:finished|completed|complete(?! (?:set|box|collection))|ongoing|hiatus|ended|still (?:running|going|publishing))\b/,
      /\bis (?:it|the series) (?:over|done)\b/,
      /\bstatus\b/,
    ],
  },
  {
    facet: 'author',
    ja: [
      '作者',
      '著者',
      '誰が書',
      '誰が描',
      '誰がかい',
      '作家',
      '漫画家',
      'マンガ家',
      '原作者',
      '作画',
      '誰の作品',
      '誰の漫画',
      '誰のマンガ',
      '描いた人',
      '書いた人',
      '描いてる人',
    ],
    en: [
      /\bwho (?:wrote|writes|drew|draws|made|created|illustrated)\b/,
      /\b(?:author|authors|mangaka|artist|creator|illustrator)\b/,
      /\b(?:written|drawn) by\b/,
    ],
  },
  {
    facet: 'start_year',
    ja: ['いつから', '連載開始', '始ま', '何年から', 'いつ始'],
    en: [
      /\bwhen did (?:it|the series|the manga|they)?\s*(?:start|begin|begun|come out first)\b/,
      /\b(?:start year|first published|since when|began|started)\b/,
      /\bwhat year did\b/,
    ],
  },
  {
    facet: 'publisher',
    ja: ['出版社', '掲載誌', '雑誌', '連載誌', 'レーベル', 'どこから出'],
    en: [
      /\b(?:publisher|publishes|publishing|magazine|serialized|serialised|label)\b/,
      // "Who published X" asks for the publisher; "how many have been published" does not.
      /\b(?:who|which company|which house) published\b|\bpublished by\b/,
    ],
  },
  {
    facet: 'synopsis',
    ja: ['あらすじ', 'どんな話', 'どんなお話', 'どんな内容', 'どういう話', 'ストーリー', '内容'],
    en: [
      /\bwhat(?:'s| is| are)\s.{0,60}?\babout\b/,
      /\babout\s*\?/,
      /\b(?:plot|synopsis|summary|premise|storyline)\b/,
      /\bwhat happens\b/,
    ],
  },
  {
    facet: 'genre',
    ja: ['ジャンル', 'どんな系'],
    en: [/\b(?:genres?|what kind of (?:manga|series|story))\b/],
  },
  {
    facet: 'formats',
    ja: ['kindle', 'キンドル', '電子', '紙の', '紙版', '紙で', '紙は', '単行本', '形式'],
    en: [/\b(?:kindle|e-?books?|digital|print|printed|paperback|physical|formats?|editions?)\b/],
  },
  {
    facet: 'price',
    ja: ['値段', 'いくら', '価格', '料金', '金額', '円'],
    en: [/\b(?:price|prices|priced|cost|costs|how much|yen)\b/, /¥/],
  },
  {
    facet: 'stock',
    ja: ['在庫', '品切れ', '売り切れ', '入荷', '買える', '購入でき'],
    en: [/\b(?:in stock|stock|available|availability|sold out|can i (?:buy|get|order))\b/],
  },
  {
    facet: 'next_volume',
    ja: [
      '次の巻',
      '次巻',
      '新刊',
      '最新刊',
      '続刊',
      '発売日',
      '発売予定',
      'いつ出',
      'いつ発売',
      '予約',
    ],
    en: [
      /\bnext (?:volume|vol|book|one|release)\b/,
      /\b(?:new|latest|upcoming) (?:volume|vol|book|release)\b/,
      /\b(?:release|released|releases|release date|come out|coming out|comes out)\b/,
      /\bpre-?orders?\b/,
      /\bwhen (?:is|will|does)\b.*\b(?:vol(?:ume)?\.?\s*\d+|next)\b.*\bout\b/,
      /\bvol(?:ume)?\.?\s*\d+\b.*\bout\b/,
    ],
  },
  {
    facet: 'box_set',
    ja: ['セット', '全巻', 'まとめ買い', 'ボックス'],
    en: [/\b(?:box ?set|boxset|complete set|full set|all (?:the )?volumes|bundle)\b/],
  },
  {
    facet: 'age_rating',
    ja: ['年齢', '18禁', '成人向け', '子供', '子ども', 'こども', '何歳'],
    en: [
      /\bage(?:[ -]rating| rated|s)?\b/,
      /\b(?:kids?|children|child|adults? only|mature|appropriate|suitable|18\+|nsfw)\b/,
    ],
  },
  {
    facet: 'similar',
    ja: ['似た', '似てる', '似ている', 'みたいな', 'ような作品', 'おすすめ', 'オススメ', '他に'],
    en: [
      /\b(?:similar|recommend|recommendations?|comparable|alternatives?)\b/,
      /\b(?:manga|series|titles?|something|anything|books?|more) like\b/,
      /\bif i (?:liked|like|enjoyed)\b/,
    ],
  },
];

const FORMATS_RULE = RULES.find((rule) => rule.facet === 'formats') as FacetRule;

/** The question as facets compare it: NFKC, invisible characters out, lowercased. */
export function facetText(question: string): string {
  return normalizeText(question).toLowerCase();
}

/** Every facet the question asks about, in presentation order; empty when none is recognised. */
export function detectFacets(question: string): Facet[] {
  const text = facetText(question);
  const facets = RULES.filter(
    (rule) => rule.ja.some((k) => text.includes(k)) || rule.en.some((p) => p.test(text)),
  ).map((rule) => rule.facet);
  // 単行本 is also just the word for a volume: "単行本は何巻まで" counts volumes, it does not
  // ask about the print edition.
  if (
    facets.includes('volumes') &&
    facets.includes('formats') &&
    !FORMATS_RULE.ja.some((k) => k !== '単行本' && text.includes(k)) &&
    !FORMATS_RULE.en.some((p) => p.test(text))
  ) {
    return facets.filter((facet) => facet !== 'formats');
  }
  return facets;
}

/**
 * A volume number written in the question (第117巻, 117巻, vol. 117, volume 117), for when the
 * intent service left entities.volume at 0. Undefined when none is written.
 */
export function mentionedVolume(question: string): number | undefined {
  const text = facetText(question);
  const match =
    /第?\s*(\d{1,4})\s*巻(?!数)/.exec(text) ?? /\b(?:vol(?:ume)?\.?|#)\s*(\d{1,4})\b/.exec(text);
  if (!match) return undefined;
  const volume = Number(match[1]);
  return volume >= 1 ? volume : undefined;
}

/** The edition the question names, when it names exactly one. */
export function mentionedFormat(question: string): 'print' | 'kindle' | undefined {
  const text = facetText(question);
  const kindle = /kindle|キンドル|電子|\be-?books?\b|\bdigital\b/.test(text);
  const print = /紙の|紙版|紙で|紙は|単行本|\bprint(?:ed)?\b|\bpaperback\b|\bphysical\b/.test(text);
  if (kindle === print) return undefined;
  return kindle ? 'kindle' : 'print';
}
