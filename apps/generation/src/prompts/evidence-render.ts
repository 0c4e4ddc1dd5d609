import type { CatalogItem, Document, Policy } from '@mangaassist/contracts';
import type { LocaleCode } from '@mangaassist/text';
import { ItemFacts } from '../composer/item-facts';
import { splitSentences } from '../composer/policy-excerpt';

/** How much of a document goes into a prompt: compression steps down from full. */
export type EvidenceDetail = 'full' | 'compact';

export interface RenderedDocument {
  id: string;
  /** The title in the answer's language, used for citations. */
  title: string;
  text: string;
}

/**
 * One evidence document as prompt text: its id in square brackets (the citation the model must
 * copy), then its facts with values already written the way answers write them in the locale
 * (528円 / ¥528, 2026年12月4日 / 2026-12-04), so the model can copy instead of convert.
 */
export function renderDocument(
  document: Document,
  locale: LocaleCode,
  detail: EvidenceDetail,
  skipSentences: ReadonlySet<string> = new Set(),
): RenderedDocument | undefined {
  const content = document.content;
  if (content.case === 'item') return renderItem(content.value, locale, detail);
  if (content.case === 'policy') return renderPolicy(content.value, locale, detail, skipSentences);
  return undefined;
}

function renderItem(
  item: CatalogItem,
  locale: LocaleCode,
  detail: EvidenceDetail,
): RenderedDocument {
  const f = new ItemFacts(item, locale);
  const lines = [`[${item.id}] ${item.titleJa} / ${item.titleEn} (${item.titleRomaji})`];
  const credit = f.authorCredit;
  lines.push(
    credit.sameForBoth
      ? `- author: ${f.authorNames}`
      : `- story: ${credit.story.join(', ')}; art: ${credit.art.join(', ')}`,
  );
  const magazines = f.magazines.join(' -> ');
  lines.push(`- publisher: ${f.publisher}${magazines ? `; magazine: ${magazines}` : ''}`);
  const ended = f.endYear ? `, ended ${f.endYear}` : '';
  lines.push(
    `- status: ${f.statusLabel}; started ${f.startYear ?? 'unknown'}${ended}; volumes published: ${f.volumeCount}`,
  );
  const prices = f.soldFormats.map((format) => `${f.formatName(format)} ${f.price(format)}`);
  lines.push(
    `- price per volume (tax included): ${prices.length > 0 ? prices.join(', ') : 'not sold'}`,
  );
  if (f.stockLabel) lines.push(`- print stock: ${f.stockLabel}`);
  const next = f.nextVolume;
  lines.push(
    next
      ? `- next volume: ${next.label}, release ${next.date}, preorders ${next.preorder ? 'open' : 'not open yet'}`
      : '- next volume: none announced',
  );
  const box = f.boxSet;
  if (box) lines.push(`- box set: ${box.volumes}, ${box.price} (tax included)`);
  lines.push(`- age rating: ${f.ageRatingLabel}; genres: ${f.genreLabels.join(', ')}`);
  if (detail === 'full') {
    if (f.themes.length > 0) lines.push(`- themes: ${f.themes.join(', ')}`);
    lines.push(`- synopsis: ${f.synopsis}`);
    if (f.similarIds.length > 0) lines.push(`- similar series ids: ${f.similarIds.join(', ')}`);
  }
  return { id: item.id, title: f.title, text: lines.join('\n') };
}

/** Sentences of a compact policy: the opening rule and the next one carry most questions. */
const COMPACT_POLICY_SENTENCES = 2;

function renderPolicy(
  policy: Policy,
  locale: LocaleCode,
  detail: EvidenceDetail,
  skipSentences: ReadonlySet<string>,
): RenderedDocument {
  const title = locale === 'ja' ? policy.titleJa : policy.titleEn;
  const body = locale === 'ja' ? policy.bodyJa : policy.bodyEn;
  let sentences = splitSentences(body).filter((s) => !skipSentences.has(s));
  if (detail === 'compact') sentences = sentences.slice(0, COMPACT_POLICY_SENTENCES);
  const separator = locale === 'ja' ? '' : ' ';
  return {
    id: policy.id,
    title,
    text: `[${policy.id}] ${title}\n${sentences.join(separator)}`,
  };
}

/** The sentences of a policy body in the locale, for cross-document de-duplication. */
export function policySentences(document: Document, locale: LocaleCode): string[] {
  if (document.content.case !== 'policy') return [];
  const policy = document.content.value;
  return splitSentences(locale === 'ja' ? policy.bodyJa : policy.bodyEn);
}
