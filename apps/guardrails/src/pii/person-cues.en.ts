import { NON_NAME_WORDS_EN } from './person-name.exclusions';
import { ENGLISH_GIVEN_NAMES, LATIN_FAMILY_NAMES } from './person-name.lexicon';
import { collectMatches, groupSpan, type TextSpan } from './text-span';

// Capitalized words with accents and Irish/Scottish forms: Chloé, Fernández, O'Brien, McKay.
const CAP = "\\p{Lu}\\p{Ll}*(?:['’]\\p{Lu})?\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
// Word boundaries that also hold next to accented letters (\b is ASCII-only).
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
const NAME = `${CAP}(?: ${CAP}){0,2}`;
// Initials and name particles: "A. J. Whitfield", "Mateus Carvalho da Silva", "J. Okafor".
const PARTICLE = '(?:da|de|del|della|di|do|dos|das|du|van|von|der|den|bin|binti|al|el|le|la)';
const LONG_NAME = `(?:\\p{Lu}\\. ?){0,2}${CAP}(?: (?:\\p{Lu}\\.|${PARTICLE}|${CAP})){0,4}`;
// Names on cards and forms are often in capitals: LUCIA FERNÁNDEZ MORALES.
const UPPER_NAME = `\\p{Lu}{2,}(?: \\p{Lu}{2,}){1,3}`;
const GIVEN = "\\p{L}[\\p{L}'’-]*";

/** "Lily Ito — order ... arrived damaged", "Omar Hill: where is my parcel?" */
const OPENING = new RegExp(`^\\s*(${CAP} ${CAP})(?: here)?\\s*(?:[—–―:]|--?)\\s`, 'dgu');

/**
 * A closing and a name ending the message ("Thanks so much for your help, Ines Wright"). The
 * checked text is normalized, so a signature on its own line arrives here after a space.
 */
const SIGNATURE = new RegExp(
  `${START}(?:[Tt]hanks|[Tt]hank you|[Tt]hx|[Rr]egards|[Cc]heers|[Bb]est|[Aa]ll the best|[Ss]incerely|[Ll]ove|[Tt]ake care|[Xx]oxo|[Hh]ugs|[Ll]ater)[^.!?\\d]{0,40}?[,—–-]\\s*(${LONG_NAME})\\s*[.!]?(?=\\s*$|\\s+[\\d+(]|\\s+\\S+@|\\s+\\p{Lu}\\p{Ll}+,)`,
  'dgu',
);

/** "perfect, thx rahul", "ok ty nat": a lower-case known given name closing a casual message. */
const CASUAL_SIGNATURE = new RegExp(
  `${START}(?:thx|thanks|ty|cheers|xoxo|later|bye)[,!]? (${GIVEN})[.!]?\\s*$`,
  'dgui',
);

/** "Takumi here — …", "Wen-Li Chou speaking.": a name opening a sentence with here/speaking. */
const NAME_HERE = new RegExp(`(?:^|[.!?]\\s)(${LONG_NAME}) (?:here|speaking)${END}`, 'dgu');

/** "Hi, it's Grace.", "Good evening, this is Ravi Cooper.", "Hello, Diego Fernández here." */
const GREETING_SELF = new RegExp(
  `(?:^|[.!?]\\s)(?:[Hh]i|[Hh]iya|[Hh]ello|[Hh]ey|[Yy]o|[Hh]owdy|[Gg]ood (?:morning|afternoon|evening)|[Dd]ear [\\p{L} ]{2,20})[,!]? (?:(?:this is|it's|it is|it’s|its) (${NAME}|${GIVEN})(?=[.,!;]|\\s+(?:here|from|again|lol)${END}|\\s*$)|(${NAME}) here${END})`,
  'dgu',
);

/** "hi im liam lol", "yo its Dante again", "i'm Nguyen Thi Lan": a self-introduction in any case. */
const SELF_INTRODUCTION = new RegExp(
  `${START}(?:[Ii]'?m|[Ii]’m|[Ii] am|[Ii]ts|[Ii]t's|[Tt]his is|[Mm]y name'?s|[Nn]ame'?s|[Cc]all me)\\s+(${GIVEN}(?: ${CAP}){0,2})${END}`,
  'dgu',
);

/** "Mr. Tanaka", "Ms Ferko Takáts", "Dr. Anne Lee": an English title only a person carries. */
const TITLED = new RegExp(
  `${START}(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Doctor|Officer|Sensei|Coach|Captain)\\.? (${LONG_NAME})${END}`,
  'dgu',
);

/** "Uncle Raymond", "Auntie Grace", "Happy birthday Zoë": kin titles and wishes name people. */
const KIN_OR_WISH = new RegExp(
  `${START}(?:Uncle|Aunt|Auntie|Grandma|Grandpa|Granny|Nana|Cousin|[Hh]appy (?:birthday|bday|anniversary|graduation),?|[Cc]ongrats,?|[Cc]ongratulations,?) (${CAP})${END}`,
  'dgu',
);

/** "my kid Noah", "my niece Lily", "my assistant Megan": a relation named right after. */
const RELATION = new RegExp(
  `${START}[Mm]y (?:(?:late|little|big|older|younger|baby|dear|best|elder|twin) )?(?:kid|kids|child|baby|niece|nephew|grandson|granddaughter|stepson|stepdaughter|assistant|secretary|teacher|tutor|student|manager|coworker|co-worker|colleague|roommate|flatmate|landlord|housemate|neighbou?r|in-law|brother-in-law|sister-in-law|mother-in-law|father-in-law|husband|wife|son|daughter|father|mother|dad|mom|mum|brother|sister|friend|partner|boss|cousin|aunt|uncle|grandmother|grandfather|grandma|grandpa|girlfriend|boyfriend|fiancée?),? (${LONG_NAME}|${GIVEN})${END}`,
  'dgu',
);

/** "the billing name is Oliver Wright", "the account owner is Joanna Kowalski", "recipient Riya Desai". */
const ROLE_IS = new RegExp(
  `${START}(?:(?:billing|shipping|delivery|account|registered|legal|full|card|cardholder|customer|gift|recipient'?s?) name (?:is|was|should be|will be|:)|account (?:owner|holder) (?:is|was)|(?:[Rr]ecipient|[Aa]ddressee|[Cc]onsignee)(?: is| will be| should be|:)?|[Cc]ard ?holder(?: name)?:?|[Nn]ame on (?:the|my) card(?: is|:)|[Pp]ut it under|(?:placed|registered|booked|reserved) under|[Ss]igned for by:?|name tag said|(?:your|the) (?:agent|rep|representative|driver|courier)|[Oo]rder for|[Rr]eserved? (?:under|for)|[Cc]ontact|[Aa]sk for|[Ss]peak (?:to|with)|[Tt]alk to|[Aa]ttn\\.?|[Aa]ttention)\\s+(${LONG_NAME}|${UPPER_NAME})${END}`,
  'dgu',
);

/** "Could Rachel from your support team …": a staff name. */
const STAFF = new RegExp(
  `${START}(${CAP}) (?:from|at|in) (?:your|the) (?:support|customer|service|help|team|store|shop)`,
  'dgu',
);

/** Anywhere: a capitalized known given name ("Amara, Chiara, Yusuf and I", "his name tag said Hiroshi"). */
// Standing alone: beside another capitalized word it is part of a title ("Dan Da Dan") or a
// full name, which FULL_NAME judges as a pair.
const KNOWN_GIVEN = new RegExp(
  `(?<!\\p{Lu}[\\p{L}'’-]*\\s)${START}(${CAP})${END}(?!\\s\\p{Lu})`,
  'dgu',
);

/** Anywhere: a known given name and a capitalized family name ("… ask Kaito Costa about it"). */
const FULL_NAME = new RegExp(`${START}(${CAP}) (${CAP})${END}`, 'dgu');

/**
 * Capitalized words that follow a given name without being a family name: "Emma Volume 2",
 * "Lily Kindle edition", "Ken Tokyo", and the street words of an address ("Alexander Flat").
 * A family name outside the lexicon is accepted unless it is one of these.
 */
// prettier-ignore
const NOT_FAMILY_NAMES: ReadonlySet<string> = new Set([
  'vol', 'volume', 'volumes', 'box', 'set', 'edition', 'kindle', 'print', 'paperback', 'hardcover',
  'japan', 'japanese', 'tokyo', 'osaka', 'kyoto', 'amazon', 'store', 'shop', 'manga', 'anime',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'and', 'or', 'but', 'is', 'was', 'has', 'had', 'will', 'can', 'did', 'does',
  'if', 'when', 'what', 'who', 'why', 'how', 'where', 'which', 'thanks', 'thank', 'please', 'sorry',
  'yes', 'no', 'hi', 'hello', 'ok', 'okay', 'series', 'season', 'chapter', 'part', 'collection',
  'deluxe', 'special', 'limited', 'complete', 'official', 'new', 'final', 'the', 'of', 'to', 'for',
  'i', 'you', 'he', 'she', 'we', 'they', 'it', 'my', 'your', 'our', 'their', 'his', 'her', 'its',
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'ln', 'drive', 'dr', 'court', 'ct', 'place',
  'pl', 'park', 'hill', 'hills', 'view', 'square', 'way', 'crescent', 'close', 'gardens', 'garden',
  'bridge', 'island', 'islands', 'heights', 'ridge', 'valley', 'point', 'harbor', 'harbour',
  'station', 'terrace', 'trail', 'grove', 'meadow', 'meadows', 'mill', 'mills', 'springs', 'village',
  'crossing', 'creek', 'river', 'lake', 'lakes', 'mount', 'mountain', 'port', 'falls', 'forest',
  'flat', 'flats', 'cliff', 'cliffs', 'lodge', 'estate', 'estates', 'plaza', 'boulevard', 'blvd',
  'highway', 'hwy', 'parkway', 'pike', 'row', 'walk', 'wharf', 'center', 'centre', 'tower', 'hall',
  'city', 'town', 'county', 'university', 'college', 'school', 'hospital', 'inc', 'ltd', 'llc',
  'company', 'corp', 'group', 'bank', 'books', 'comics', 'press', 'publishing',
]);

function words(name: string): string[] {
  return name.split(' ').map((w) => w.toLowerCase());
}

function isGiven(word: string): boolean {
  return ENGLISH_GIVEN_NAMES.has(word.normalize('NFD').replace(/\p{M}/gu, ''));
}

/** Latin-script cues for a person's name beyond "my name is" and sign-offs. */
export function findLatinNamesByCue(text: string): TextSpan[] {
  // Casual messages name people in lower case too ("my roommate zoe"), so any Latin letter counts.
  if (!/[A-Za-z]/.test(text)) return [];
  const plausible = (m: RegExpExecArray, group = 1): TextSpan | undefined => {
    const name = m[group];
    if (!name || words(name).some((w) => NON_NAME_WORDS_EN.has(w))) return undefined;
    return groupSpan(m, group);
  };
  const known = (m: RegExpExecArray): TextSpan | undefined => {
    const span = plausible(m);
    const [given, family] = words(m[1]);
    if (!span || !(isGiven(given) || LATIN_FAMILY_NAMES.has(family ?? ''))) return undefined;
    return span;
  };
  // Lower-case self-introductions ("im liam") need a known given name; capitalized ones do not.
  const introduced = (m: RegExpExecArray): TextSpan | undefined => {
    const span = plausible(m);
    if (!span) return undefined;
    const first = m[1].split(' ')[0];
    // "This is Frieren, right?" and "its Chainsaw Man" name a book; only "I'm" and "call me" vouch.
    const vouches = /^(?:[Ii]'?m|[Ii]’m|[Ii] am|[Mm]y name|[Nn]ame|[Cc]all me)/u.test(m[0]);
    const knownFirst = isGiven(first.toLowerCase()) || LATIN_FAMILY_NAMES.has(first.toLowerCase());
    return (vouches && /^\p{Lu}/u.test(first)) || knownFirst ? span : undefined;
  };
  const greeting = (m: RegExpExecArray): TextSpan | undefined => plausible(m, 1) ?? plausible(m, 2);
  const pair = (m: RegExpExecArray): TextSpan | undefined => {
    const given = groupSpan(m, 1);
    const familySpan = groupSpan(m, 2);
    if (!given || !familySpan) return undefined;
    // Either order: "Kaito Costa", and family name first as in "Nakamura Sayaka".
    if (LATIN_FAMILY_NAMES.has(m[1].toLowerCase()) && isGiven(m[2].toLowerCase())) {
      return { start: given.start, end: familySpan.end };
    }
    if (!isGiven(m[1].toLowerCase())) return undefined;
    const family = m[2].toLowerCase();
    if (!LATIN_FAMILY_NAMES.has(family)) {
      if (family.length < 3 || NOT_FAMILY_NAMES.has(family) || NON_NAME_WORDS_EN.has(family)) {
        return undefined;
      }
    }
    return { start: given.start, end: familySpan.end };
  };
  // After a relation word a lower-case word is usually a verb ("my son dropped it"): only a
  // known given name counts there.
  const capitalizedOrKnown = (m: RegExpExecArray): TextSpan | undefined =>
    /^\p{Lu}/u.test(m[1]) || isGiven(m[1].toLowerCase()) ? plausible(m) : undefined;
  const knownGiven = (m: RegExpExecArray): TextSpan | undefined =>
    isGiven(m[1].toLowerCase()) ? groupSpan(m, 1) : undefined;
  const casual = (m: RegExpExecArray): TextSpan | undefined =>
    isGiven(m[1].toLowerCase()) ? groupSpan(m, 1) : undefined;
  const staff = (m: RegExpExecArray): TextSpan | undefined =>
    isGiven(m[1].toLowerCase()) ? groupSpan(m, 1) : undefined;
  return [
    ...collectMatches(OPENING, text, known),
    ...collectMatches(SIGNATURE, text, plausible),
    ...collectMatches(GREETING_SELF, text, greeting),
    ...collectMatches(SELF_INTRODUCTION, text, introduced),
    ...collectMatches(TITLED, text, plausible),
    ...collectMatches(KIN_OR_WISH, text, plausible),
    ...collectMatches(RELATION, text, capitalizedOrKnown),
    ...collectMatches(ROLE_IS, text, plausible),
    ...collectMatches(STAFF, text, staff),
    ...collectMatches(FULL_NAME, text, pair),
    ...collectMatches(KNOWN_GIVEN, text, knownGiven),
    ...collectMatches(CASUAL_SIGNATURE, text, casual),
    ...collectMatches(NAME_HERE, text, plausible),
  ];
}
