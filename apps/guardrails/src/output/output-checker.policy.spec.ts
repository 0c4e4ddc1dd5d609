import type { Document } from '@mangaassist/contracts';
import {
  itemDocument,
  loadStoreSnapshot,
  policyDocument,
  type StoreSnapshot,
} from '@mangaassist/store-data';
import { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import { PiiScanner } from '../pii/pii-scanner';
import { checkedAnswer } from './answer-text';
import { OutputChecker } from './output-checker';

/** Skipped grounding, promises as claims, and other customers' data in answers (ja/en). */
describe('OutputChecker: skipped grounding and policy rules', () => {
  let store: StoreSnapshot;
  let checker: OutputChecker;

  beforeAll(async () => {
    store = await loadStoreSnapshot();
    const vocabulary = CatalogVocabulary.fromItems(store.items);
    checker = new OutputChecker(() => vocabulary, PiiScanner.withDefaultDetectors(vocabulary), {
      warnBelow: 0.87,
      blockBelow: 0.63,
    });
  });

  const docs = (...ids: string[]): Document[] =>
    ids.map((id) => {
      const item = store.items.find((i) => i.id === id);
      if (item) return itemDocument(item);
      const policy = store.policies.find((p) => p.id === id);
      if (!policy) throw new Error(`no record ${id}`);
      return policyDocument(policy);
    });
  const check = (answer: string, evidence: Document[], question = '') =>
    checker.check(checkedAnswer(answer), evidence, question);

  it('skips grounding without evidence and blocks an answer that states facts (ja/en)', () => {
    for (const answer of ['ONE PIECEは120巻まで出ています。', 'One Piece costs 528 yen.']) {
      const result = check(answer, []);
      expect(result).toMatchObject({
        groundingSkipped: true,
        groundingScore: 0,
        reasons: ['output.no_evidence'],
      });
      expect(result.claimCount).toBeGreaterThan(0);
    }
  });

  it('lets a fact-free answer through without evidence (greetings, clarifying questions)', () => {
    for (const answer of ['こんにちは！どの作品をお探しですか？', 'Which series do you mean?']) {
      expect(check(answer, [])).toMatchObject({
        groundingSkipped: true,
        groundingScore: 1,
        claimCount: 0,
        reasons: [],
      });
    }
  });

  it('counts a promise as a claim: backed by the cited policy it is supported', () => {
    const backed = check(
      '交換品を用意できない場合は、送料を含めて全額を返金します。',
      docs('POL-009'),
    );
    expect(backed).toMatchObject({ groundingScore: 1, reasons: [] });
    const unbacked = check('Opened books get a full refund, guaranteed.', docs('POL-012'));
    expect(unbacked.reasons).toEqual(['output.ungrounded', 'output.policy_promise']);
  });

  it("blocks another customer's contact data or order id in an answer", () => {
    const contact = check('ご注文者様の電話番号は090-1234-5678です。', docs('MA-0001'));
    expect(contact.reasons).toContain('output.other_customer_data');
    expect(contact.redactedAnswer).toBe('ご注文者様の電話番号は[PHONE]です。');
    const order = check('Order 250-9998887-7776665 was shipped to Osaka.', docs('POL-007'));
    expect(order.reasons).toContain('output.other_customer_data');
  });

  it("allows the shopper's own order id from the question", () => {
    const result = check(
      'Order 250-1234567-7654321 ships within 2 to 4 business days.',
      docs('POL-002'),
      'where is my order 250-1234567-7654321',
    );
    expect(result.reasons).toEqual([]);
  });

  it('blocks competitor prices in Japanese and English', () => {
    expect(check('楽天では500円で売っています。', docs('MA-0001')).reasons).toContain(
      'output.competitor_price',
    );
    expect(check('Other stores sell it for 480 yen.', docs('MA-0001')).reasons).toContain(
      'output.competitor_price',
    );
  });

  it('reads claims behind look-alike digits and zero-width characters', () => {
    const result = check('ONE PIECEは١٢٠\u200B巻まで出ています。', docs('MA-0001'));
    expect(result.unsupportedClaims).toEqual(['120巻']);
  });
});
