import { unbackedPromises } from './policy-promise.rules';

describe('unbackedPromises', () => {
  it.each([
    '開封済みでも必ず返金します',
    'ご安心ください、全額返金します',
    '次回10%割引します',
    'クーポンを差し上げます',
    '明日必ず届きます',
  ])('finds Japanese promises: %s', (answer) => {
    expect(unbackedPromises(answer, [])).toHaveLength(1);
  });

  it.each([
    'We guarantee a full refund even for opened books.',
    'I will give you a 10% discount on your next order.',
    'Your order will definitely arrive by Friday.',
    'Delivery is guaranteed for December 24.',
  ])('finds English promises: %s', (answer) => {
    expect(unbackedPromises(answer, [])).toHaveLength(1);
  });

  it('accepts a promise a cited policy makes in the same words', () => {
    const policy = '交換品を用意できない場合は、送料を含めて全額を返金します。';
    expect(unbackedPromises('交換できない場合は全額返金します。', [policy])).toEqual([]);
    const policyEn = 'If we cannot replace it, we refund the full amount including shipping.';
    expect(
      unbackedPromises('If no replacement is possible we refund the full amount.', [policyEn]),
    ).toEqual([]);
  });

  it('leaves plain policy statements alone', () => {
    expect(
      unbackedPromises('未開封の紙の本は30日以内なら返品できます。送料は440円です。', []),
    ).toEqual([]);
    expect(unbackedPromises('Preorders come with a price guarantee.', [])).toEqual([]);
  });
});
