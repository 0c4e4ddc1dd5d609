import { create } from '@bufbuild/protobuf';
import {
  type CatalogItem,
  CatalogItemSchema,
  type Document,
  DocumentSchema,
  type Policy,
  PolicySchema,
} from '@mangaassist/contracts';
import type { CatalogRecord, PolicyRecord } from './records';

export function toCatalogItem(record: CatalogRecord): CatalogItem {
  return create(CatalogItemSchema, {
    id: record.id,
    asin: record.asin,
    titleJa: record.title_ja,
    titleEn: record.title_en,
    titleRomaji: record.title_romaji,
    aliases: record.aliases,
    authors: record.authors.map((a) => ({ nameJa: a.name_ja, nameEn: a.name_en, role: a.role })),
    publisherJa: record.publisher_ja,
    publisherEn: record.publisher_en,
    magazine: record.magazine ?? '',
    demographic: record.demographic,
    genres: record.genres,
    themes: record.themes,
    status: record.status,
    startYear: record.start_year,
    endYear: record.end_year ?? undefined,
    volumesPublished: record.volumes_published,
    formats: record.formats,
    priceJpy: {
      print: record.price_jpy.print ?? undefined,
      kindle: record.price_jpy.kindle ?? undefined,
    },
    stockPrint: record.stock?.print ?? '',
    nextVolume: record.next_volume
      ? {
          number: record.next_volume.number,
          releaseDate: record.next_volume.release_date,
          preorder: record.next_volume.preorder,
        }
      : undefined,
    boxSet: record.box_set
      ? { volumes: record.box_set.volumes, priceJpy: record.box_set.price_jpy }
      : undefined,
    ageRating: record.age_rating,
    synopsisJa: record.synopsis_ja,
    synopsisEn: record.synopsis_en,
    similarTo: record.similar_to,
    popularity: record.popularity,
  });
}

export function toPolicy(record: PolicyRecord): Policy {
  return create(PolicySchema, {
    id: record.id,
    topic: record.topic,
    titleJa: record.title_ja,
    titleEn: record.title_en,
    bodyJa: record.body_ja,
    bodyEn: record.body_en,
  });
}

export function itemDocument(item: CatalogItem): Document {
  return create(DocumentSchema, { content: { case: 'item', value: item } });
}

export function policyDocument(policy: Policy): Document {
  return create(DocumentSchema, { content: { case: 'policy', value: policy } });
}

/** MA-xxxx or POL-xxx; empty for an empty document. */
export function documentId(document: Document): string {
  return document.content.value?.id ?? '';
}

/** The title shown to a shopper in their language. */
export function documentTitle(document: Document, locale: 'ja' | 'en'): string {
  const value = document.content.value;
  if (!value) return '';
  return locale === 'ja' ? value.titleJa : value.titleEn;
}
