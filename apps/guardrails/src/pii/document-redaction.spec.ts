import { create } from '@bufbuild/protobuf';
import { CatalogItemSchema, DocumentSchema, PolicySchema } from '@mangaassist/contracts';
import { itemDocument, loadStoreSnapshot, policyDocument } from '@mangaassist/store-data';
import { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import { redactDocuments } from './document-redaction';
import { PiiScanner } from './pii-scanner';

describe('redactDocuments', () => {
  it('redacts PII in policy text and leaves clean fields and public names untouched', async () => {
    const store = await loadStoreSnapshot();
    const vocabulary = CatalogVocabulary.fromItems(store.items);
    const scanner = PiiScanner.withDefaultDetectors(vocabulary);
    const onePiece = store.items.find((i) => i.id === 'MA-0001');
    if (!onePiece) throw new Error('sample store is missing MA-0001');
    const policy = create(DocumentSchema, {
      content: {
        case: 'policy',
        value: create(PolicySchema, {
          id: 'POL-900',
          titleJa: '問い合わせ',
          titleEn: 'Contact',
          bodyJa: '担当の山田太郎様（090-1234-5678）までご連絡ください。',
          bodyEn: 'Write to taro@example.com.',
        }),
      },
    });
    const result = redactDocuments([itemDocument(onePiece), policy], scanner);
    expect(result.redactedSpans).toBe(3);
    const [item, cleaned] = result.documents;
    expect(item).toEqual(itemDocument(onePiece));
    expect(cleaned.content.case === 'policy' && cleaned.content.value).toMatchObject({
      titleJa: '問い合わせ',
      bodyJa: '担当の[PERSON]様([PHONE])までご連絡ください。',
      bodyEn: 'Write to [EMAIL].',
    });
  });

  it('keeps the characters a synopsis names but removes contact details from it', () => {
    const scanner = PiiScanner.withDefaultDetectors();
    const story = create(DocumentSchema, {
      content: {
        case: 'item',
        value: create(CatalogItemSchema, {
          id: 'MA-9001',
          synopsisEn:
            'Legendary hitman Taro Sakamoto runs a store. Fan club: fans@example.com, 090-1234-5678.',
          synopsisJa: '伝説の殺し屋・坂本太郎さんの物語。問い合わせは03-1234-5678まで。',
        }),
      },
    });
    const [cleaned] = redactDocuments([story], scanner).documents;
    expect(cleaned.content.case === 'item' && cleaned.content.value).toMatchObject({
      synopsisEn: 'Legendary hitman Taro Sakamoto runs a store. Fan club: [EMAIL], [PHONE].',
      synopsisJa: '伝説の殺し屋・坂本太郎さんの物語。問い合わせは[PHONE]まで。',
    });
  });

  it('finds nothing to redact in the sample store: its synopses and policies hold no PII', async () => {
    const store = await loadStoreSnapshot();
    const scanner = PiiScanner.withDefaultDetectors(CatalogVocabulary.fromItems(store.items));
    const documents = [...store.items.map(itemDocument), ...store.policies.map(policyDocument)];
    const result = redactDocuments(documents, scanner);
    expect(result.redactedSpans).toBe(0);
  });
});
