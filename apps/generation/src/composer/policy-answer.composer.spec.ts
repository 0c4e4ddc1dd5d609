import { Intent } from '@mangaassist/contracts';
import { type StoreFixtures, composeInput, storeFixtures } from '../testing/store.fixtures';
import { composePolicyAnswer } from './policy-answer.composer';

describe('composePolicyAnswer on the store policies', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  function policyAnswer(question: string, locale: 'ja' | 'en', intent: Intent, ids: string[]) {
    return composePolicyAnswer(
      composeInput({ question, locale, intent, evidence: store.docs(...ids) }),
      ids.map((id) => store.policy(id)),
    );
  }

  it('answers the shipping fee with the policy title and its numbers verbatim (ja)', () => {
    const a = policyAnswer('送料はいくらですか？', 'ja', Intent.SHIPPING_DELIVERY, ['POL-001']);
    expect(a.text.startsWith('【送料と送料無料の条件】')).toBe(true);
    expect(a.text).toContain('2,000円');
    expect(a.text).toContain('440円');
    expect(a.citations).toEqual([{ id: 'POL-001', title: '送料と送料無料の条件' }]);
  });

  it('answers the shipping fee with its numbers verbatim (en)', () => {
    const a = policyAnswer('How much is shipping?', 'en', Intent.SHIPPING_DELIVERY, ['POL-001']);
    expect(a.text.startsWith('Shipping fees and free shipping: ')).toBe(true);
    expect(a.text).toContain('2,000 JPY');
    expect(a.text).toContain('440 JPY');
  });

  it('adds a second policy only when it also answers the question', () => {
    const both = policyAnswer('沖縄への送料は？', 'ja', Intent.SHIPPING_DELIVERY, [
      'POL-001',
      'POL-003',
    ]);
    expect(both.citations.map((c) => c.id)).toEqual(['POL-001', 'POL-003']);
    expect(both.text.split('\n')).toHaveLength(2);
    const one = policyAnswer('How much is shipping?', 'en', Intent.SHIPPING_DELIVERY, [
      'POL-001',
      'POL-035',
    ]);
    expect(one.citations.map((c) => c.id)).toEqual(['POL-001']);
  });

  it('answers returns from the returns policy (ja, en)', () => {
    const ja = policyAnswer('返品できますか？', 'ja', Intent.RETURN_REFUND, ['POL-008']);
    expect(ja.text).toContain('30日以内');
    const en = policyAnswer('Can I return a Kindle book?', 'en', Intent.RETURN_REFUND, ['POL-028']);
    expect(en.text).toContain('Kindle editions cannot be returned');
  });

  it('gives the staff hours for a handoff, however the request is worded', () => {
    const en = policyAnswer('I want to talk to a human', 'en', Intent.HUMAN_HANDOFF, ['POL-037']);
    expect(en.text).toContain('Here is how you can reach our staff.');
    expect(en.text).toContain('10:00 to 18:00 JST');
    const ja = policyAnswer('人と話したい', 'ja', Intent.HUMAN_HANDOFF, ['POL-037']);
    expect(ja.text).toContain('平日の10時〜18時(日本時間)');
  });
});
