import { z } from 'zod';

const yen = z.number().int().positive().max(10_000_000);

/** One line of data/catalog/catalog.jsonl (see data/README.md for the field meanings). */
export const catalogRecordSchema = z.strictObject({
  id: z.string().regex(/^MA-\d{4,}$/, 'must look like MA-0001'),
  asin: z.string().regex(/^\d{10}$/, 'must be 10 digits'),
  title_ja: z.string().min(1),
  title_en: z.string().min(1),
  title_romaji: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  authors: z
    .array(
      z.strictObject({
        name_ja: z.string().min(1),
        name_en: z.string().min(1),
        role: z.enum(['story', 'art', 'story_and_art']),
      }),
    )
    .min(1),
  publisher_ja: z.string().min(1),
  publisher_en: z.string().min(1),
  magazine: z.string().min(1).nullable(),
  demographic: z.enum(['shonen', 'seinen', 'shojo', 'josei', 'kodomo']),
  genres: z.array(z.string().min(1)).min(1),
  themes: z.array(z.string().min(1)),
  status: z.enum(['ongoing', 'completed', 'hiatus']),
  start_year: z.number().int().min(1900).max(2100),
  end_year: z.number().int().min(1900).max(2100).nullable(),
  volumes_published: z.number().int().min(0).max(1000),
  formats: z.array(z.enum(['print', 'kindle'])).min(1),
  price_jpy: z.strictObject({ print: yen.nullable(), kindle: yen.nullable() }),
  stock: z
    .strictObject({
      print: z.enum(['in_stock', 'low_stock', 'backorder', 'out_of_stock']).nullable(),
    })
    .nullable(),
  next_volume: z
    .strictObject({
      number: z.number().int().positive(),
      release_date: z.iso.date(),
      preorder: z.boolean(),
    })
    .nullable(),
  box_set: z.strictObject({ volumes: z.string().regex(/^\d+-\d+$/), price_jpy: yen }).nullable(),
  age_rating: z.enum(['all', '13+', '16+', '18+']),
  synopsis_ja: z.string().min(1),
  synopsis_en: z.string().min(1),
  similar_to: z.array(z.string().regex(/^MA-\d{4,}$/)),
  popularity: z.number().int().min(0).max(100),
});
export type CatalogRecord = z.infer<typeof catalogRecordSchema>;

/** One line of data/store/policies.jsonl. */
export const policyRecordSchema = z.strictObject({
  id: z.string().regex(/^POL-\d{3,}$/, 'must look like POL-001'),
  topic: z.enum([
    'shipping',
    'returns',
    'payment',
    'points',
    'preorder',
    'ebook',
    'account',
    'gift',
    'store_info',
    'privacy',
  ]),
  title_ja: z.string().min(1),
  title_en: z.string().min(1),
  body_ja: z.string().min(1),
  body_en: z.string().min(1),
});
export type PolicyRecord = z.infer<typeof policyRecordSchema>;
