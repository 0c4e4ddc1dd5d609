import type { CatalogItem } from '@mangaassist/contracts';
import { type LocaleCode, compactKey } from '@mangaassist/text';
import {
  formatDate,
  formatVolumeCount,
  formatVolumeNumber,
  formatVolumeRange,
  formatYen,
  joinList,
} from './value-format';

export type SoldFormat = 'print' | 'kindle';

const STOCK_LABELS: Record<string, Record<LocaleCode, string>> = {
  // The store's own wording for stock labels (POL-038), so answers match the product page.
  in_stock: { ja: '在庫あり', en: 'In Stock' },
  low_stock: { ja: '残りわずか', en: 'Low Stock' },
  backorder: { ja: 'お取り寄せ', en: 'Backorder' },
  out_of_stock: { ja: '在庫切れ', en: 'Out of Stock' },
};

const STATUS_LABELS: Record<string, Record<LocaleCode, string>> = {
  ongoing: { ja: '連載中', en: 'ongoing' },
  completed: { ja: '完結', en: 'completed' },
  hiatus: { ja: '休載中', en: 'on hiatus' },
};

const GENRE_LABELS_JA: Record<string, string> = {
  action: 'アクション',
  adventure: '冒険',
  fantasy: 'ファンタジー',
  romance: '恋愛',
  comedy: 'コメディ',
  horror: 'ホラー',
  mystery: 'ミステリー',
  'sci-fi': 'SF',
  sports: 'スポーツ',
  'slice-of-life': '日常',
  historical: '歴史',
  cooking: '料理',
  music: '音楽',
  isekai: '異世界',
  mecha: 'ロボット',
  psychological: '心理',
  drama: 'ドラマ',
};

const DEMOGRAPHIC_LABELS: Record<string, Record<LocaleCode, string>> = {
  shonen: { ja: '少年マンガ', en: 'shonen' },
  seinen: { ja: '青年マンガ', en: 'seinen' },
  shojo: { ja: '少女マンガ', en: 'shojo' },
  josei: { ja: '女性マンガ', en: 'josei' },
  kodomo: { ja: '児童マンガ', en: "children's manga" },
};

const FORMAT_NAMES: Record<SoldFormat, Record<LocaleCode, string>> = {
  print: { ja: '紙の本', en: 'print' },
  kindle: { ja: 'Kindle版', en: 'Kindle' },
};

export interface NextVolumeFacts {
  number: number;
  /** 第117巻 / volume 117 */
  label: string;
  /** 2026年12月4日 / 2026-12-04 */
  date: string;
  preorder: boolean;
}

export interface AuthorCredit {
  /** Everyone credited with the story (story and story_and_art). */
  story: string[];
  /** Everyone credited with the art (art and story_and_art). */
  art: string[];
  /** True when the same people did both, so one name list says it all. */
  sameForBoth: boolean;
}

/**
 * The facts of one catalog item written for one locale, always from the record's own values:
 * composers decide what to say, this class decides only how each value reads.
 */
export class ItemFacts {
  constructor(
    readonly item: CatalogItem,
    readonly locale: LocaleCode,
  ) {}

  get id(): string {
    return this.item.id;
  }

  get title(): string {
    return this.locale === 'ja' ? this.item.titleJa : this.item.titleEn;
  }

  /** The title in the other language, or undefined when it reads the same (ONE PIECE / One Piece). */
  get otherTitle(): string | undefined {
    const other = this.locale === 'ja' ? this.item.titleEn : this.item.titleJa;
    return compactKey(other) === compactKey(this.title) ? undefined : other;
  }

  /** 『ONE PIECE』 in Japanese, the bare title in English. */
  get quotedTitle(): string {
    return this.locale === 'ja' ? `『${this.title}』` : this.title;
  }

  /** The quoted title with the other-language title in parentheses when it differs. */
  get titleWithOther(): string {
    const other = this.otherTitle;
    if (!other) return this.quotedTitle;
    return this.locale === 'ja' ? `${this.quotedTitle}（${other}）` : `${this.title} (${other})`;
  }

  get authorCredit(): AuthorCredit {
    const name = (a: CatalogItem['authors'][number]) =>
      this.locale === 'ja' ? a.nameJa : a.nameEn;
    const story = this.item.authors.filter((a) => a.role !== 'art').map(name);
    const art = this.item.authors.filter((a) => a.role !== 'story').map(name);
    const sameForBoth =
      art.length === 0 || story.length === 0 || story.join('\u0000') === art.join('\u0000');
    return { story, art, sameForBoth };
  }

  /** Every credited name, in catalog order, joined for the locale. */
  get authorNames(): string {
    const names = this.item.authors.map((a) => (this.locale === 'ja' ? a.nameJa : a.nameEn));
    return joinList([...new Set(names)], this.locale);
  }

  get volumeCount(): string {
    return formatVolumeCount(this.item.volumesPublished, this.locale);
  }

  get status(): string {
    return this.item.status;
  }

  get statusLabel(): string {
    return STATUS_LABELS[this.item.status]?.[this.locale] ?? this.item.status;
  }

  /** 2014年 / 2014, or undefined when the record has no end year. */
  get endYear(): string | undefined {
    const year = this.item.endYear;
    if (year === undefined || year === 0) return undefined;
    return this.locale === 'ja' ? `${year}年` : String(year);
  }

  get startYear(): string | undefined {
    const year = this.item.startYear;
    if (!year) return undefined;
    return this.locale === 'ja' ? `${year}年` : String(year);
  }

  /** The formats the store sells this series in, print first. */
  get soldFormats(): SoldFormat[] {
    return (['print', 'kindle'] as const).filter((f) => this.sells(f));
  }

  sells(format: SoldFormat): boolean {
    return this.item.formats.includes(format) && this.priceValue(format) !== undefined;
  }

  formatName(format: SoldFormat): string {
    return FORMAT_NAMES[format][this.locale];
  }

  /** The per-volume price of a format, formatted, or undefined when the store does not sell it. */
  price(format: SoldFormat): string | undefined {
    const value = this.priceValue(format);
    return value === undefined ? undefined : formatYen(value, this.locale);
  }

  /** The store's stock label of the print edition, or undefined for Kindle-only series. */
  get stockLabel(): string | undefined {
    return STOCK_LABELS[this.item.stockPrint]?.[this.locale];
  }

  get stockCode(): string {
    return this.item.stockPrint;
  }

  get nextVolume(): NextVolumeFacts | undefined {
    const next = this.item.nextVolume;
    if (!next || next.number === 0) return undefined;
    return {
      number: next.number,
      label: formatVolumeNumber(next.number, this.locale),
      date: formatDate(next.releaseDate, this.locale),
      preorder: next.preorder,
    };
  }

  get publisher(): string {
    return this.locale === 'ja' ? this.item.publisherJa : this.item.publisherEn;
  }

  /** Magazines in serialization order; the catalog writes a move as "A→B". */
  get magazines(): string[] {
    return this.item.magazine
      .split('→')
      .map((m) => m.trim())
      .filter((m) => m !== '');
  }

  get synopsis(): string {
    return this.locale === 'ja' ? this.item.synopsisJa : this.item.synopsisEn;
  }

  get genreLabels(): string[] {
    return this.item.genres.map((g) => (this.locale === 'ja' ? (GENRE_LABELS_JA[g] ?? g) : g));
  }

  get themes(): string[] {
    return [...this.item.themes];
  }

  get demographicLabel(): string | undefined {
    return DEMOGRAPHIC_LABELS[this.item.demographic]?.[this.locale];
  }

  get ageRating(): string {
    return this.item.ageRating;
  }

  /** 全年齢 / all ages for "all", the rating itself (13+, 16+, 18+) otherwise. */
  get ageRatingLabel(): string {
    if (this.item.ageRating === 'all') return this.locale === 'ja' ? '全年齢' : 'all ages';
    return this.item.ageRating;
  }

  get boxSet(): { volumes: string; price: string } | undefined {
    const set = this.item.boxSet;
    if (!set || !set.volumes) return undefined;
    return {
      volumes: formatVolumeRange(set.volumes, this.locale),
      price: formatYen(set.priceJpy, this.locale),
    };
  }

  get similarIds(): string[] {
    return [...this.item.similarTo];
  }

  /** Title, other-language title and aliases, for recognising the series in text. */
  get names(): string[] {
    return [this.item.titleJa, this.item.titleEn, this.item.titleRomaji, ...this.item.aliases];
  }

  private priceValue(format: SoldFormat): number | undefined {
    const value = format === 'print' ? this.item.priceJpy?.print : this.item.priceJpy?.kindle;
    return value === undefined || value === 0 ? undefined : value;
  }
}
