import type { CatalogItem, Document, Policy } from '@mangaassist/contracts';
import { normalizeText } from '@mangaassist/text';
import type { Claim } from './claim-extractor';
import { dateKeys, findDates } from './date-mentions';

const NUMBER_IN_TEXT = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/**
 * Every fact the evidence of one request can support, built once per CheckOutput: the numbers
 * in any numeric field or text of a document (commas removed, dates split into Y/M/D), the
 * dates, the catalog ids, the highest volume of each cited series, and the policy bodies.
 */
export class EvidenceIndex {
  readonly numbers = new Set<string>();
  readonly dates = new Set<string>();
  readonly itemIds = new Set<string>();
  readonly policyBodies: string[] = [];
  /** Every evidence text, normalized and joined: PII copied from it is not the customer's. */
  readonly corpus: string;
  private maxVolume = 0;
  private readonly texts: string[] = [];

  constructor(evidence: readonly Document[]) {
    for (const document of evidence) {
      if (document.content.case === 'item') this.addItem(document.content.value);
      else if (document.content.case === 'policy') this.addPolicy(document.content.value);
    }
    this.corpus = this.texts.join('\n');
  }

  get isEmpty(): boolean {
    return this.itemIds.size === 0 && this.policyBodies.length === 0;
  }

  supports(claim: Claim): boolean {
    switch (claim.kind) {
      case 'title':
        // A cited document may name another series itself (呪術廻戦 0's synopsis names 呪術廻戦).
        return (
          (claim.ids ?? []).some((id) => this.itemIds.has(id)) || this.corpus.includes(claim.text)
        );
      case 'date':
        return claim.dateKey !== undefined && this.dates.has(claim.dateKey);
      default: {
        if (claim.numbers.every((n) => this.numbers.has(n))) return true;
        // "第5巻" of a cited series exists when the series has at least 5 volumes.
        return (
          claim.kind === 'volume' &&
          claim.ordinal === true &&
          claim.numbers.every((n) => Number(n) >= 1 && Number(n) <= this.maxVolume)
        );
      }
    }
  }

  private addItem(item: CatalogItem): void {
    this.itemIds.add(item.id);
    const values = [
      item.volumesPublished,
      item.startYear,
      item.endYear,
      item.priceJpy?.print,
      item.priceJpy?.kindle,
      item.nextVolume?.number,
      item.boxSet?.priceJpy,
      item.popularity,
    ];
    for (const value of values) if (value !== undefined) this.numbers.add(String(value));
    this.maxVolume = Math.max(this.maxVolume, item.volumesPublished, item.nextVolume?.number ?? 0);
    if (item.nextVolume?.releaseDate) this.addText(item.nextVolume.releaseDate);
    if (item.boxSet) this.addText(item.boxSet.volumes.replace('-', ' '));
    for (const text of [
      item.titleJa,
      item.titleEn,
      item.ageRating,
      item.synopsisJa,
      item.synopsisEn,
      ...item.aliases,
    ]) {
      this.addText(text);
    }
  }

  private addPolicy(policy: Policy): void {
    for (const text of [policy.titleJa, policy.titleEn, policy.bodyJa, policy.bodyEn]) {
      this.addText(text);
    }
    this.policyBodies.push(normalizeText(policy.bodyJa), normalizeText(policy.bodyEn));
  }

  private addText(raw: string): void {
    const text = normalizeText(raw);
    this.texts.push(text);
    for (const m of text.matchAll(NUMBER_IN_TEXT)) {
      const plain = m[0].replace(/,/g, '');
      this.numbers.add(
        plain.includes('.') ? String(Number(plain)) : String(Number.parseInt(plain, 10)),
      );
    }
    for (const date of findDates(text)) {
      for (const key of dateKeys(date)) this.dates.add(key);
      for (const part of [date.year, date.month, date.day]) {
        if (part !== undefined) this.numbers.add(String(part));
      }
    }
  }
}
