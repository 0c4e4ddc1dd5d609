import type { CatalogItem, Policy } from '@mangaassist/contracts';
import type { LocaleCode } from '@mangaassist/text';
import type { Fact } from './fact-case';

/** 1234 -> "1,234" as the answers write yen. */
function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function noDigitBefore(pattern: string): RegExp {
  return new RegExp(`(?<![\\d,])${pattern}`, 'u');
}

const STATUS_WORDS: Record<string, Record<LocaleCode, RegExp>> = {
  completed: { ja: /完結/u, en: /\b(?:complete|completed|finished|ended)\b/i },
  ongoing: { ja: /連載中|連載が続いて/u, en: /\bongoing\b|\bstill running\b/i },
  hiatus: { ja: /休載/u, en: /\bhiatus\b/i },
};

/**
 * Whether an answer states one expected fact, in any of the ways a correct answer in the
 * locale may write it (116巻 / 全116巻, 116 volumes; 2026年12月4日, 2026-12-04; 528円, ¥528).
 */
export function statesFact(answer: string, locale: LocaleCode, fact: Fact): boolean {
  switch (fact.kind) {
    case 'volumes':
      return locale === 'ja'
        ? noDigitBefore(`${fact.value}(?:巻|冊)`).test(answer)
        : noDigitBefore(`${fact.value} (?:volumes?|books?|tankobon)\\b`).test(answer);
    case 'author':
    case 'publisher':
      return answer.includes(fact.value);
    case 'next_volume': {
      const [year, month, day] = fact.date.split('-').map(Number);
      const number =
        locale === 'ja'
          ? noDigitBefore(`(?:第)?${fact.number}巻`).test(answer)
          : new RegExp(`\\bvol(?:ume|\\.)? ?${fact.number}\\b`, 'i').test(answer);
      const date = answer.includes(fact.date) || answer.includes(`${year}年${month}月${day}日`);
      return number && date;
    }
    case 'price': {
      const amount = grouped(fact.amount);
      return locale === 'ja'
        ? noDigitBefore(`${amount}円`).test(answer)
        : noDigitBefore(`(?:¥|JPY ?)${amount}(?!\\d)`).test(answer) ||
            noDigitBefore(`${amount} ?(?:yen|JPY)`).test(answer);
    }
    case 'status':
      return STATUS_WORDS[fact.value][locale].test(answer);
    case 'start_year':
      return noDigitBefore(`${fact.value}(?!\\d)`).test(answer);
  }
}

export function describeFact(fact: Fact): string {
  switch (fact.kind) {
    case 'next_volume':
      return `next_volume ${fact.number} on ${fact.date}`;
    case 'price':
      return `price ${fact.format} ${fact.amount}`;
    default:
      return `${fact.kind} ${fact.value}`;
  }
}

export function missingFacts(answer: string, locale: LocaleCode, facts: readonly Fact[]): string[] {
  return facts.filter((fact) => !statesFact(answer, locale, fact)).map(describeFact);
}

/** Every number written in a text: 50,200 is one number, 2026-12-04 is three. */
export function numbersIn(text: string): number[] {
  return [...text.normalize('NFKC').matchAll(/\d{1,3}(?:,\d{3})+(?!\d)|\d+/g)].map((m) =>
    Number(m[0].replace(/,/g, '')),
  );
}

/** Every number anywhere in a cited record: counts, years, prices, dates, and numbers in its titles and texts. */
export function recordNumbers(record: CatalogItem | Policy): Set<number> {
  const values = new Set<number>();
  const visit = (value: unknown): void => {
    if (typeof value === 'number') values.add(value);
    else if (typeof value === 'string') numbersIn(value).forEach((n) => values.add(n));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(record);
  return values;
}

/**
 * The numbers, dates and prices of an answer that are not in the record of any item or policy
 * it cites (nor in the question, which may name a volume): what a hallucination looks like.
 */
export function ungroundedNumbers(
  answer: string,
  question: string,
  cited: readonly (CatalogItem | Policy)[],
): number[] {
  const allowed = new Set<number>(numbersIn(question));
  for (const record of cited) recordNumbers(record).forEach((n) => allowed.add(n));
  return [...new Set(numbersIn(answer))].filter((n) => !allowed.has(n));
}
