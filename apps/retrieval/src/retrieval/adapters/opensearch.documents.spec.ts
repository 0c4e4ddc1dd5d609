import { create, equals } from '@bufbuild/protobuf';
import { CatalogItemSchema, DocumentSchema } from '@mangaassist/contracts';
import { itemDocument } from '@mangaassist/store-data';
import { contractCorpus } from '../search-index.contract';
import { decodeDocument, prepareCorpus, prepareDocument } from './opensearch.documents';

describe('OpenSearch documents', () => {
  it('indexes the filter facts of an item the way passesFilter reads them', () => {
    const [onePiece, deathNote, monster] = contractCorpus().map((d) => prepareDocument(d)?.source);
    expect(onePiece).toMatchObject({
      doc_id: 'MA-0001',
      kind: 'item',
      demographic: 'shonen',
      formats: ['print', 'kindle'],
      in_stock: true,
      price_print: 528,
      price_kindle: 528,
      price_min: 528,
    });
    expect(onePiece?.title).toContain('ONE PIECE');
    expect(onePiece?.alias).toContain('ワンピース');
    expect(deathNote).toMatchObject({ in_stock: false, price_min: 506 });
    expect(deathNote?.price_kindle).toBeUndefined();
    // Kindle only: no print stock, so never "in stock" for the print filter.
    expect(monster).toMatchObject({ in_stock: false, price_min: 693, age_rank: 2 });
    expect(monster?.policy_body).toBeUndefined();
  });

  it('keeps policies as policies with their topic and round-trips the document bytes', () => {
    const policy = prepareDocument(contractCorpus()[3]);
    expect(policy?.source).toMatchObject({ doc_id: 'POL-001', kind: 'policy', topic: 'shipping' });
    expect(policy?.source.demographic).toBeUndefined();
    const decoded = decodeDocument(policy?.source.document ?? '');
    expect(equals(DocumentSchema, decoded, contractCorpus()[3])).toBe(true);
  });

  it('keeps the first of a repeated id, skips empty documents and sorts by id', () => {
    const earlier = itemDocument(create(CatalogItemSchema, { id: 'MA-0009', titleEn: 'Earlier' }));
    const later = itemDocument(create(CatalogItemSchema, { id: 'MA-0009', titleEn: 'Later' }));
    const corpus = prepareCorpus([earlier, ...contractCorpus(), create(DocumentSchema, {}), later]);
    expect(corpus.map((d) => d.id)).toEqual([
      'MA-0001',
      'MA-0009',
      'MA-0046',
      'MA-0152',
      'POL-001',
      'POL-008',
    ]);
    expect(corpus[1].source.title).toContain('Earlier');
    expect(corpus[1].source.content_hash).not.toBe(prepareDocument(later)?.source.content_hash);
  });
});
