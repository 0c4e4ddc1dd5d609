// Kindle is deliberately absent: the store itself sells Kindle editions.
const COMPETITOR =
  /\b(?:amazon(?:\.co\.jp)?|rakuten|yahoo!? ?shopping|kinokuniya|tsutaya|honto|ebookjapan|booklive|book ?walker|cmoa|mercari|book ?off|animate|tower records|yodobashi|junkudo|maruzen|other (?:stores?|shops?|retailers?|sellers?|sites?)|another (?:store|shop|retailer|seller|site)|competitors?)\b|アマゾン|楽天|ヤフー(?:ショッピング)?|紀伊[國国]屋|TSUTAYA|ツタヤ|ブックライブ|BOOK☆WALKER|ブックウォーカー|コミックシーモア|メルカリ|ブックオフ|アニメイト|とらのあな|メロンブックス|ヨドバシ|ジュンク堂|丸善|他店|他のお店|他のショップ|他社|よその(?:店|お店)/iu;
const PRICE =
  /(?:¥|￥|JPY ?|\$|US\$) ?\d|(?<![\d,.])\d[\d,.]{0,12} ?(?:円|yen\b|JPY\b|dollars?\b|ドル)/iu;
const SENTENCE_END = /(?<=[。！？!?\n])|(?<=\.)\s+(?=\S)/u;

/** Sentences that quote a price next to a competitor's name ("Amazonでは480円です"). */
export function competitorPriceSentences(answer: string): string[] {
  const sentences = answer.split(SENTENCE_END).filter((s) => s.trim());
  return sentences.filter((s) => COMPETITOR.test(s) && PRICE.test(s)).map((s) => s.trim());
}
