import type { Document } from '@mangaassist/contracts';

/** Titan V2 takes up to 8,192 tokens; a document's descriptive text stays far below. */
const MAX_CHARS = 2000;

/**
 * The text a document is embedded from: what it is about in both languages (titles, authors,
 * genres, themes, synopsis; a policy's title and body), not prices or stock, which change daily
 * and say nothing about meaning.
 */
export function embeddingText(document: Document): string {
  const content = document.content;
  if (content.case === 'item') {
    const item = content.value;
    return [
      `${item.titleJa} / ${item.titleEn}`,
      item.authors.map((a) => `${a.nameJa} ${a.nameEn}`).join(', '),
      [item.demographic, ...item.genres, ...item.themes].join(', '),
      item.synopsisEn,
      item.synopsisJa,
    ]
      .join('\n')
      .slice(0, MAX_CHARS);
  }
  if (content.case === 'policy') {
    const policy = content.value;
    return [`${policy.titleJa} / ${policy.titleEn}`, policy.bodyEn, policy.bodyJa]
      .join('\n')
      .slice(0, MAX_CHARS);
  }
  return '';
}
