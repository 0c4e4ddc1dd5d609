import { create } from '@bufbuild/protobuf';
import { CatalogItemSchema, PolicySchema } from '@mangaassist/contracts';
import { itemDocument, policyDocument } from '@mangaassist/store-data';
import {
  type DocumentFacts,
  type DocumentFilter,
  documentFacts,
  passesFilter,
} from './document-filter';

const seinenPrint = documentFacts(
  itemDocument(
    create(CatalogItemSchema, {
      id: 'MA-0038',
      demographic: 'seinen',
      status: 'completed',
      formats: ['print'],
      priceJpy: { print: 770 },
      stockPrint: 'in_stock',
      ageRating: '16+',
    }),
  ),
) as DocumentFacts;
const kindleOnly = documentFacts(
  itemDocument(
    create(CatalogItemSchema, {
      id: 'MA-0109',
      demographic: 'shojo',
      status: 'completed',
      formats: ['kindle'],
      priceJpy: { kindle: 407 },
      stockPrint: '',
      ageRating: 'all',
    }),
  ),
) as DocumentFacts;
const shippingPolicy = documentFacts(
  policyDocument(create(PolicySchema, { id: 'POL-001', topic: 'shipping' })),
) as DocumentFacts;

const pass = (facts: DocumentFacts, filter: Partial<DocumentFilter>) =>
  passesFilter(facts, { inStockOnly: false, ...filter });

describe('passesFilter', () => {
  it('passes everything without filters', () => {
    for (const facts of [seinenPrint, kindleOnly, shippingPolicy])
      expect(pass(facts, {})).toBe(true);
  });

  it('restricts by kind and by ids', () => {
    expect(pass(shippingPolicy, { kind: 'item' })).toBe(false);
    expect(pass(seinenPrint, { kind: 'item' })).toBe(true);
    expect(pass(seinenPrint, { ids: new Set(['POL-001']) })).toBe(false);
    expect(pass(shippingPolicy, { ids: new Set(['POL-001']) })).toBe(true);
  });

  it('applies item filters to items only and topic filters to policies only', () => {
    expect(pass(shippingPolicy, { demographics: new Set(['shonen']), inStockOnly: true })).toBe(
      true,
    );
    expect(pass(seinenPrint, { policyTopics: new Set(['returns']) })).toBe(true);
    expect(pass(shippingPolicy, { policyTopics: new Set(['returns']) })).toBe(false);
  });

  it('filters items by demographic, status, format and age', () => {
    expect(pass(seinenPrint, { demographics: new Set(['shonen', 'seinen']) })).toBe(true);
    expect(pass(seinenPrint, { demographics: new Set(['shonen']) })).toBe(false);
    expect(pass(seinenPrint, { statuses: new Set(['ongoing']) })).toBe(false);
    expect(pass(seinenPrint, { format: 'kindle' })).toBe(false);
    expect(pass(kindleOnly, { format: 'kindle' })).toBe(true);
    expect(pass(seinenPrint, { maxAgeRank: 1 })).toBe(false);
    expect(pass(seinenPrint, { maxAgeRank: 2 })).toBe(true);
  });

  it('keeps only print editions in stock for in_stock_only (a Kindle-only series has none)', () => {
    expect(pass(seinenPrint, { inStockOnly: true })).toBe(true);
    expect(pass(kindleOnly, { inStockOnly: true })).toBe(false);
  });

  it('compares the asked format price, else the cheapest sold format, with max_price_jpy', () => {
    expect(pass(seinenPrint, { maxPriceJpy: 700 })).toBe(false);
    expect(pass(seinenPrint, { maxPriceJpy: 770 })).toBe(true);
    expect(pass(kindleOnly, { maxPriceJpy: 450 })).toBe(true);
    expect(pass(kindleOnly, { maxPriceJpy: 450, format: 'print' })).toBe(false);
  });
});
