import { catalogRecordSchema, policyRecordSchema } from './records';
import { parseJsonl } from './jsonl-loader';
import { loadStoreSnapshot } from './store-snapshot';
import { documentId, documentTitle, itemDocument } from './to-documents';

describe('the shipped sample store', () => {
  it('loads every catalog line and policy without errors', async () => {
    const store = await loadStoreSnapshot();
    expect(store.errors).toEqual([]);
    expect(store.items).toHaveLength(296);
    expect(store.policies).toHaveLength(40);
  });

  it('keeps the facts of a record (ONE PIECE)', async () => {
    const store = await loadStoreSnapshot();
    const onePiece = store.items.find((i) => i.id === 'MA-0001');
    expect(onePiece?.titleJa).toBe('ONE PIECE');
    expect(onePiece?.volumesPublished).toBe(116);
    expect(onePiece?.nextVolume?.releaseDate).toBe('2026-12-04');
    if (!onePiece) throw new Error('MA-0001 missing');
    const doc = itemDocument(onePiece);
    expect(documentId(doc)).toBe('MA-0001');
    expect(documentTitle(doc, 'en')).toBe('One Piece');
  });
});

describe('parseJsonl', () => {
  it('reports bad lines by number and reason and keeps the good ones', () => {
    const text = [
      '{"id":"POL-001","topic":"shipping","title_ja":"送料","title_en":"Shipping","body_ja":"本文","body_en":"Body"}',
      '{not json',
      '{"id":"POL-2","topic":"shipping","title_ja":"送料","title_en":"Shipping","body_ja":"本文","body_en":"Body"}',
      '',
      '{"id":"POL-003","topic":"weather","title_ja":"x","title_en":"x","body_ja":"x","body_en":"x","extra":1}',
    ].join('\n');
    const result = parseJsonl(text, policyRecordSchema);
    expect(result.records.map((r) => r.id)).toEqual(['POL-001']);
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 5]);
    expect(result.errors[0].reason).toMatch(/invalid JSON/);
    expect(result.errors[1].reason).toMatch(/id: must look like POL-001/);
    expect(result.errors[2].reason).toMatch(/topic/);
    expect(result.errors[2].reason).toMatch(/extra/);
  });

  it('rejects a catalog record with a wrong type', () => {
    const result = parseJsonl('{"id":"MA-0001","asin":12}', catalogRecordSchema);
    expect(result.records).toHaveLength(0);
    expect(result.errors[0].reason).toMatch(/asin/);
  });
});
