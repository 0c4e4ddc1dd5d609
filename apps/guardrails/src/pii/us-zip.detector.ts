import type { PiiCandidate, PiiDetector } from './pii-detector';
import { collectMatches, groupSpan } from './text-span';

// US states and territories, as written after a city: "Springfield, IL 62704".
// prettier-ignore
const STATES = ['AL','AK','AZ','AR','CA','CO','CT','DE','FL','GA','HI','ID','IL','IN','IA','KS','KY','LA','ME','MD','MA','MI','MN','MS','MO','MT','NE','NV','NH','NJ','NM','NY','NC','ND','OH','OK','OR','PA','RI','SC','SD','TN','TX','UT','VT','VA','WA','WV','WI','WY','DC','PR'];
const AFTER_STATE = new RegExp(`, ?(?:${STATES.join('|')}) (\\d{5}(?:-\\d{4})?)(?![\\d-])`, 'dg');
// "zip 94103", "ZIP code: 10001-1234", "my zip is 10027": five digits only count after the word.
const AFTER_KEYWORD = /\bzip(?: ?code)?\b(?: is| =)?[\s:#]*(\d{5}(?:-\d{4})?)(?![\d-])/dgi;

// Canadian provinces and territories before a postal code: "Toronto, ON M5H 2N2".
// prettier-ignore
const PROVINCES = ['AB','BC','MB','NB','NL','NS','NT','NU','ON','PE','QC','SK','YT'];
const CANADIAN = new RegExp(
  `, ?(?:${PROVINCES.join('|')}) ([A-Z]\\d[A-Z] ?\\d[A-Z]\\d)(?![A-Za-z0-9])`,
  'dg',
);

/**
 * North American postal codes where their shape is known to be one: US ZIP codes after a state
 * or the word zip, Canadian codes after a province.
 */
export class UsZipDetector implements PiiDetector {
  readonly type = 'POSTAL_CODE' as const;

  detect(text: string): PiiCandidate[] {
    if (!/\d/.test(text)) return [];
    const span = (m: RegExpExecArray): PiiCandidate | undefined => {
      const digits = groupSpan(m, 1);
      return digits ? { type: this.type, ...digits } : undefined;
    };
    return [
      ...collectMatches(AFTER_STATE, text, span),
      ...collectMatches(AFTER_KEYWORD, text, span),
      ...collectMatches(CANADIAN, text, span),
    ];
  }
}
