import { Format } from '@mangaassist/contracts';
import { normalizeText } from '@mangaassist/text';

/**
 * 電子 only as an edition: not 電子マネー (payment) or 電子メール. 紙 only on its own or as 紙の本 /
 * 紙版 / 紙媒体, not inside 手紙 or 紙袋.
 */
const KINDLE =
  /kindle|\be-?books?\b|\bdigital(?!\s+(?:payment|wallet|gift|code|money))\b|\be-?(?:book\s+)?edition\b|電子(?!マネー|メール|決済|署名|レンジ|申請)|キンドル|デジタル版/iu;
const PRINT =
  /\bprint(?:ed)?\b(?!\s+(?:out|a|an|the|my|it|this|receipt|invoice|label)\b)|\bpaper\s*backs?\b|\bpaperback\b|\bhard\s*copy\b|\bphysical(?:\s+(?:copy|copies|book|books|edition|version|volume|volumes|format))?\b|\btankobon\b|単行本|コミックス版|(?<!\p{Script=Han})紙(?:版|本|の本|媒体|の書籍|書籍)?(?!\p{Script=Han})/iu;

/**
 * The edition the shopper asks about. Naming both ("is the Kindle cheaper than print?") is a
 * comparison, not a choice, so it gives FORMAT_UNSPECIFIED.
 */
export function extractFormat(text: string): Format {
  const normalized = normalizeText(text);
  const kindle = KINDLE.test(normalized);
  const print = PRINT.test(normalized);
  if (kindle === print) return Format.UNSPECIFIED;
  return kindle ? Format.KINDLE : Format.PRINT;
}
