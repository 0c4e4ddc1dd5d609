import { foldForSearch, normalizeText } from './normalize';

// Hepburn for the folded form (hiragana, small kana made large, no long-vowel marks); a pair is
// read as a digraph only where the original had the small kana (きょ is kyo, きよ is kiyo).
const DIGRAPHS: Readonly<Record<string, string>> = {
  きや: 'kya',
  きゆ: 'kyu',
  きよ: 'kyo',
  しや: 'sha',
  しゆ: 'shu',
  しよ: 'sho',
  ちや: 'cha',
  ちゆ: 'chu',
  ちよ: 'cho',
  にや: 'nya',
  にゆ: 'nyu',
  によ: 'nyo',
  ひや: 'hya',
  ひゆ: 'hyu',
  ひよ: 'hyo',
  みや: 'mya',
  みゆ: 'myu',
  みよ: 'myo',
  りや: 'rya',
  りゆ: 'ryu',
  りよ: 'ryo',
  ぎや: 'gya',
  ぎゆ: 'gyu',
  ぎよ: 'gyo',
  じや: 'ja',
  じゆ: 'ju',
  じよ: 'jo',
  びや: 'bya',
  びゆ: 'byu',
  びよ: 'byo',
  ぴや: 'pya',
  ぴゆ: 'pyu',
  ぴよ: 'pyo',
  ちえ: 'che',
  しえ: 'she',
  じえ: 'je',
  ふあ: 'fa',
  ふい: 'fi',
  ふえ: 'fe',
  ふお: 'fo',
  てい: 'ti',
  でい: 'di',
  うい: 'wi',
  うえ: 'we',
  うお: 'wo',
  ゔあ: 'va',
  ゔい: 'vi',
  ゔえ: 've',
  ゔお: 'vo',
};
const SINGLE: Readonly<Record<string, string>> = {
  あ: 'a',
  い: 'i',
  う: 'u',
  え: 'e',
  お: 'o',
  か: 'ka',
  き: 'ki',
  く: 'ku',
  け: 'ke',
  こ: 'ko',
  さ: 'sa',
  し: 'shi',
  す: 'su',
  せ: 'se',
  そ: 'so',
  た: 'ta',
  ち: 'chi',
  つ: 'tsu',
  て: 'te',
  と: 'to',
  な: 'na',
  に: 'ni',
  ぬ: 'nu',
  ね: 'ne',
  の: 'no',
  は: 'ha',
  ひ: 'hi',
  ふ: 'fu',
  へ: 'he',
  ほ: 'ho',
  ま: 'ma',
  み: 'mi',
  む: 'mu',
  め: 'me',
  も: 'mo',
  や: 'ya',
  ゆ: 'yu',
  よ: 'yo',
  ら: 'ra',
  り: 'ri',
  る: 'ru',
  れ: 're',
  ろ: 'ro',
  わ: 'wa',
  ゐ: 'i',
  ゑ: 'e',
  を: 'o',
  ん: 'n',
  が: 'ga',
  ぎ: 'gi',
  ぐ: 'gu',
  げ: 'ge',
  ご: 'go',
  ざ: 'za',
  じ: 'ji',
  ず: 'zu',
  ぜ: 'ze',
  ぞ: 'zo',
  だ: 'da',
  ぢ: 'ji',
  づ: 'zu',
  で: 'de',
  ど: 'do',
  ば: 'ba',
  び: 'bi',
  ぶ: 'bu',
  べ: 'be',
  ぼ: 'bo',
  ぱ: 'pa',
  ぴ: 'pi',
  ぷ: 'pu',
  ぺ: 'pe',
  ぽ: 'po',
  ゔ: 'vu',
};
const KANA_ONLY = /^[\u3040-\u309F\u30A0-\u30FF\s・ー〜～!?！？。、]+$/u;

const SOKUON = /[っッ]/u;
const SMALL = /[ぁぃぅぇぉゃゅょゎァィゥェォャュョヮ]/u;
const DROPPED = /[\s・!?！？。、ー〜～]/gu;

/**
 * Hepburn romaji of a kana-only text, without long vowels, as romaji titles are compared once
 * macrons are dropped: しんげきのきょじん -> shingekinokyojin, ぼっちざろっく -> botchizarokku.
 * Shoppers whose IME did not convert a title still type its reading, and the catalog has the
 * romaji. Undefined when the text is not all kana.
 */
export function kanaToRomaji(text: string): string | undefined {
  const normalized = normalizeText(text);
  if (!KANA_ONLY.test(normalized)) return undefined;
  // Folding keeps one character per kana, so positions in `original` and `folded` agree.
  const original = normalized.replace(DROPPED, '');
  const folded = foldForSearch(original);
  let out = '';
  for (let i = 0; i < folded.length;) {
    if (SOKUON.test(original[i])) {
      // A small っ doubles the next consonant (ch becomes tch).
      const next = SMALL.test(original[i + 2] ?? '')
        ? DIGRAPHS[folded.slice(i + 1, i + 3)]
        : SINGLE[folded[i + 1]];
      out += next?.startsWith('ch') ? 't' : (next?.[0] ?? '');
      i += 1;
      continue;
    }
    const digraph = SMALL.test(original[i + 1] ?? '')
      ? DIGRAPHS[folded.slice(i, i + 2)]
      : undefined;
    if (digraph) {
      out += digraph;
      i += 2;
    } else {
      out += SINGLE[folded[i]] ?? '';
      i += 1;
    }
  }
  return out || undefined;
}
