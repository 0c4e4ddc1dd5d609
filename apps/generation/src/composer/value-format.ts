import type { LocaleCode } from '@mangaassist/text';

/**
 * How numbers and dates are written in answers. The guardrails service matches every number
 * and date of an answer against the evidence, so values are only ever reformatted here
 * (separators, date order), never computed.
 */

export function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 528円 / ¥528; 50,200円 / ¥50,200. */
export function formatYen(amount: number, locale: LocaleCode): string {
  return locale === 'ja' ? `${groupThousands(amount)}円` : `¥${groupThousands(amount)}`;
}

/** 2026年12月4日 in Japanese; English keeps the ISO date 2026-12-04 as it is in the catalog. */
export function formatDate(isoDate: string, locale: LocaleCode): string {
  if (locale === 'en') return isoDate;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** 116巻 / 116 volumes (1 volume). */
export function formatVolumeCount(count: number, locale: LocaleCode): string {
  if (locale === 'ja') return `${count}巻`;
  return count === 1 ? `${count} volume` : `${count} volumes`;
}

/** 第117巻 / volume 117. */
export function formatVolumeNumber(volume: number, locale: LocaleCode): string {
  return locale === 'ja' ? `第${volume}巻` : `volume ${volume}`;
}

/** A「1-23」catalog range as 第1〜23巻 / volumes 1-23. */
export function formatVolumeRange(range: string, locale: LocaleCode): string {
  if (locale === 'en') return `volumes ${range}`;
  return `第${range.replace('-', '〜')}巻`;
}

/** ja: A・B・C; en: A, B and C. */
export function joinList(parts: readonly string[], locale: LocaleCode): string {
  if (locale === 'ja') return parts.join('・');
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** ja: A、B、C; en: A, B or C — for offering choices. */
export function joinChoices(parts: readonly string[], locale: LocaleCode): string {
  if (locale === 'ja') return parts.join('、');
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}
