import { loadStoreSnapshot, itemDocument, policyDocument } from '@mangaassist/store-data';
import type { Claim } from './claim-extractor';
import { EvidenceIndex } from './evidence-index';

const numberClaim = (kind: Claim['kind'], n: string, ordinal = false): Claim => ({
  kind,
  start: 0,
  end: 0,
  text: n,
  numbers: [n],
  ordinal,
});

describe('EvidenceIndex', () => {
  let index: EvidenceIndex;

  beforeAll(async () => {
    const store = await loadStoreSnapshot();
    const onePiece = store.items.find((i) => i.id === 'MA-0001');
    const shipping = store.policies.find((p) => p.id === 'POL-001');
    if (!onePiece || !shipping) throw new Error('sample store is missing MA-0001 or POL-001');
    index = new EvidenceIndex([itemDocument(onePiece), policyDocument(shipping)]);
  });

  it('indexes the numeric fields of an item', () => {
    for (const n of ['116', '1997', '528', '117', '50200', '100']) {
      expect(index.numbers.has(n)).toBe(true);
    }
  });

  it('splits dates into Y/M/D and keeps the date keys', () => {
    expect(index.dates.has('2026-12-4')).toBe(true);
    expect(index.dates.has('12-4')).toBe(true);
    expect(['2026', '12', '4'].every((n) => index.numbers.has(n))).toBe(true);
  });

  it('indexes numbers in policy bodies without their commas, in both languages', () => {
    expect(index.numbers.has('2000')).toBe(true);
    expect(index.numbers.has('440')).toBe(true);
    expect(index.policyBodies.some((b) => b.includes('2,000円以上'))).toBe(true);
    expect(index.policyBodies.some((b) => b.includes('2,000 JPY or more'))).toBe(true);
  });

  it('supports an ordinal volume within the published range but not a count', () => {
    expect(index.supports(numberClaim('volume', '57', true))).toBe(true);
    expect(index.supports(numberClaim('volume', '57'))).toBe(false);
    expect(index.supports(numberClaim('volume', '130', true))).toBe(false);
  });

  it('is empty without documents', () => {
    expect(new EvidenceIndex([]).isEmpty).toBe(true);
    expect(index.isEmpty).toBe(false);
  });
});
