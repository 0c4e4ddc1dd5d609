import {
  MUNICIPALITY_EN_SOURCE,
  PREFECTURE_EN_SOURCE,
  PREFECTURE_JA_SOURCE,
  PREFECTURE_STEM_JA_SOURCE,
} from './japan-places';
import type { PiiCandidate, PiiDetector } from './pii-detector';
import { collectMatches } from './text-span';

const NAME = '[\\p{Script=Han}\\p{Script=Katakana}ヶケー々]';
// Municipalities written in hiragana; any other hiragana would let particles into a city name.
const HIRAGANA_CITIES =
  '(?:さいたま|つくば|ひたちなか|いわき|つくばみらい|みどり|あきる野|いなべ|かすみがうら|たつの|みよし|うきは|えびの)';
const CITY = `(?:${NAME}{1,6}?[市区町村]|${NAME}{1,4}?郡${NAME}{1,5}?[町村]|${HIRAGANA_CITIES}市)`;
const DASH = '[-‐‑–−ー]';
const BLOCK_NUMBER = `\\d{1,4}(?:${DASH}\\d{1,4}){0,3}`;
const STREET = [
  `\\d{1,4}丁目(?:\\d{1,4}番地?(?:\\d{1,4}号?)?|${BLOCK_NUMBER})?`,
  `[一二三四五六七八九十]{1,3}丁目(?:${BLOCK_NUMBER})?`,
  `\\d{1,4}番地?(?:の?\\d{1,4}号?)?`,
  `\\d{1,4}(?:${DASH}\\d{1,4}){1,3}`,
  `\\d{1,3}条(?:[東西南北]\\d{1,2}丁目)?(?:${BLOCK_NUMBER})?`,
].join('|');
const BUILDING_WORD =
  '(?:ビル|マンション|ハイツ|コーポ|タワー|レジデンス|アパート|荘|館|ハウス|ヒルズ|パレス|プラザ|コート|メゾン|ハイム|Bldg\\.?|Building)';
const BUILDING_CHAR = '[\\p{Script=Han}\\p{Script=Katakana}ー・A-Za-z0-9]';
const ROOM = '\\d{1,5}(?:号室|号|階|F)';
// Tried in order: a building with a room number (メゾン山下203号室), a building, a bare room.
const BUILDING = `(?: ?${BUILDING_CHAR}{0,20}?${BUILDING_WORD}${BUILDING_CHAR}{0,12}? ?${ROOM}| ?${BUILDING_CHAR}{0,20}?${BUILDING_WORD}| ?\\d{1,5}号室)`;

/**
 * Prefecture + municipality, or a municipality followed by a street number (渋谷区神南1-2-3);
 * then an optional district, 丁目/番地/号 or 1-2-3, and a building with a room number.
 */
const JAPANESE_ADDRESS = new RegExp(
  `(?:${PREFECTURE_JA_SOURCE}${CITY}{1,3}|${PREFECTURE_STEM_JA_SOURCE}${CITY}{1,3}|${CITY}{1,3}(?=${NAME}{0,8}(?:${STREET})))` +
    `${NAME}{0,8}(?:(?:${STREET})${BUILDING}?)?`,
  'gu',
);
// A leading label that CITY's kanji run swallowed (住所渋谷区...) is not part of the address.
const LEADING_LABEL = /^(?:現住所|住所|宛先|所在地|送付先|配送先|届け先)/u;

const EN_WORD = "[A-Z][A-Za-zāīūēō']+";
// Romanized town names keep lowercase parts after a hyphen: Minami-aoyama, Namba-naka.
// "Uehara 1-chome", "Sannomiya-cho 2-chome": a district and its chome number.
const EN_COMPONENT = `${EN_WORD}(?:-${MUNICIPALITY_EN_SOURCE}\\b|-[a-z]{2,}|[ -]${EN_WORD}|[ -]\\d{1,2}-chome\\b){0,3}`;
const ENGLISH_ADDRESS = new RegExp(
  `(?<![A-Za-z\\d-])(?:(?:Apt\\.?|Apartment|Room|Rm\\.?|Unit|#) ?\\d{1,5}[A-Za-z]?,? )?\\d{1,4}(?:-\\d{1,4}){0,3},? ${EN_COMPONENT}(?:, ?${EN_COMPONENT}){1,4}`,
  'g',
);
/** Place first, block number last: "Osaka, Kita-ku, Umeda 2-4-9". */
const ENGLISH_ADDRESS_PLACE_FIRST = new RegExp(
  `\\b(?:${EN_COMPONENT}, ?){1,3}${EN_WORD}(?:-[a-z]{2,})? \\d{1,4}(?:-\\d{1,4}){1,3}\\b`,
  'g',
);
// 530-0001 has the shape of a postal code, not of a block number.
const POSTAL_SHAPE = /^\d{3}-\d{4}$/;
const EN_MUNICIPALITY = new RegExp(`(?:-${MUNICIPALITY_EN_SOURCE}| City| Ward| Prefecture)$`, 'i');
const VOLUME_BEFORE = /\b(?:vols?\.?|volumes?|no\.?|#)\s*$/i;
const EN_PREFECTURE = new RegExp(`^${PREFECTURE_EN_SOURCE}(?: Prefecture)?$|^Japan$`);

export class AddressDetector implements PiiDetector {
  readonly type = 'ADDRESS' as const;

  detect(text: string): PiiCandidate[] {
    return [...this.japanese(text), ...this.english(text)];
  }

  private japanese(text: string): PiiCandidate[] {
    if (!/[市区町村]/.test(text)) return [];
    return collectMatches(JAPANESE_ADDRESS, text, (m) => {
      const label = LEADING_LABEL.exec(m[0]);
      const start = m.index + (label ? label[0].length : 0);
      const end = m.index + m[0].trimEnd().length;
      return end > start ? { type: this.type, start, end } : undefined;
    });
  }

  /** "1-2-3 Jinnan, Shibuya-ku, Tokyo": needs a -ku/-shi or a prefecture after the street. */
  private english(text: string): PiiCandidate[] {
    if (!/\d/.test(text) || !/[A-Z]/.test(text)) return [];
    return [...this.streetFirst(text), ...this.placeFirst(text)];
  }

  /** "Osaka, Kita-ku, Umeda 2-4-9": a municipality or prefecture among the leading places. */
  private placeFirst(text: string): PiiCandidate[] {
    return collectMatches(ENGLISH_ADDRESS_PLACE_FIRST, text, (m) => {
      const places = m[0]
        .split(',')
        .slice(0, -1)
        .map((c) => c.trim());
      const named = places.some((c) => EN_MUNICIPALITY.test(c) || EN_PREFECTURE.test(c));
      const block = /\d[\d-]*$/.exec(m[0])?.[0] ?? '';
      return named && !POSTAL_SHAPE.test(block)
        ? { type: this.type, start: m.index, end: m.index + m[0].length }
        : undefined;
    });
  }

  private streetFirst(text: string): PiiCandidate[] {
    return collectMatches(ENGLISH_ADDRESS, text, (m) => {
      const street = /\d{1,4}(?:-\d{1,4}){0,3}/.exec(m[0]);
      const components = m[0].split(',').map((c) => c.trim());
      let lastPlace = -1;
      let hasMunicipality = false;
      components.forEach((component, index) => {
        if (index === 0) return;
        if (EN_MUNICIPALITY.test(component)) {
          hasMunicipality = true;
          lastPlace = index;
        } else if (EN_PREFECTURE.test(component)) {
          lastPlace = index;
        }
      });
      if (street !== null && POSTAL_SHAPE.test(street[0])) return undefined;
      const hyphenatedStreet = street !== null && street[0].includes('-');
      if (lastPlace < 0 || (!hasMunicipality && !hyphenatedStreet)) return undefined;
      // "Volumes 1-3 Osaka, Kyoto": a number range followed by place names, not a street.
      if (!hasMunicipality && EN_PREFECTURE.test(components[0].replace(/^[\d-]+,? /, ''))) {
        return undefined;
      }
      if (VOLUME_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
      // Components after the last place name (", Please send it") are not address.
      const commas = [...m[0].matchAll(/,/g)].map((c) => c.index);
      const length = lastPlace + 1 < components.length ? commas[lastPlace] : m[0].length;
      const end = m.index + m[0].slice(0, length).trimEnd().length;
      return { type: this.type, start: m.index, end };
    });
  }
}
