import type { PiiCandidate, PiiDetector } from './pii-detector';
import { collectMatches } from './text-span';

// "1600 Pennsylvania Avenue NW, Washington, DC 20500", "221B Baker Street", "42 Elm St., Apt 5",
// "512 W 122nd St":
// a house number, capitalized words and a street-type word, then optional unit, city and
// state/ZIP parts. Japanese block addresses (1-2-3 Jinnan) are AddressDetector's.
const STREET_TYPE =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|Trail|Trl|Crescent|Close|Row|Alley|Plaza|Loop|Path|Pike|Point|Ridge|Run|Walk)';
const NAME_WORD = "[A-Z][A-Za-z'.-]*";
// Numbered streets of a grid: "W 122nd St", "5th Avenue", "E 42nd Street".
const STREET_NAME = `(?:(?:[NSEW]\\.? )?\\d{1,3}(?:st|nd|rd|th)|${NAME_WORD})`;
const UNIT = '(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Fl|Floor|#)\\.? ?[A-Za-z0-9-]{1,6})';
const CITY = `(?:, ?${NAME_WORD}(?: ${NAME_WORD}){0,3})`;
const STATE_ZIP = '(?:,? [A-Z]{2}(?: \\d{5}(?:-\\d{4})?)?)';
const STREET_ADDRESS = new RegExp(
  `\\b\\d{1,6}[A-Z]?(?: ${STREET_NAME}){1,4} ${STREET_TYPE}\\b\\.?(?: (?:N|S|E|W|NE|NW|SE|SW)\\b)?${UNIT}?(?:${CITY}${STATE_ZIP}?)?`,
  'g',
);
// "...Street, Please send" : a city part that is an ordinary word is not a city.
const NOT_A_CITY = /, ?(?:Please|Thanks|Thank|And|But|So|Or|I|We|It|The|Is|Can|Could|Will)\b.*$/;

export class StreetAddressDetector implements PiiDetector {
  readonly type = 'ADDRESS' as const;

  detect(text: string): PiiCandidate[] {
    if (!/\d/.test(text) || !/[A-Z]/.test(text)) return [];
    return collectMatches(STREET_ADDRESS, text, (m) => {
      const kept = m[0].replace(NOT_A_CITY, '');
      return { type: this.type, start: m.index, end: m.index + kept.length };
    });
  }
}
