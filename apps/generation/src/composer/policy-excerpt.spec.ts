import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import { policyExcerpt, splitSentences } from './policy-excerpt';

describe('splitSentences', () => {
  it('splits Japanese at 。 and English at a period before a space', () => {
    expect(splitSentences('送料は440円です。2,000円以上は無料です。')).toEqual([
      '送料は440円です。',
      '2,000円以上は無料です。',
    ]);
    expect(
      splitSentences(
        'Orders under 2,000 JPY pay 440 JPY. Run by Hondana Shobo Inc.). Ship by 14:00 JST.',
      ),
    ).toEqual([
      'Orders under 2,000 JPY pay 440 JPY.',
      'Run by Hondana Shobo Inc.).',
      'Ship by 14:00 JST.',
    ]);
  });
});

describe('policyExcerpt on the store policies', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  it('keeps the fees of the shipping policy verbatim (ja)', () => {
    const excerpt = policyExcerpt(store.policy('POL-001'), '送料はいくらですか？', 'ja');
    const text = excerpt.sentences.join('');
    expect(text).toContain('2,000円');
    expect(text).toContain('440円');
    expect(excerpt.title).toBe('送料と送料無料の条件');
    expect(excerpt.sentences.length).toBeLessThanOrEqual(3);
    for (const sentence of excerpt.sentences)
      expect(store.policy('POL-001').bodyJa).toContain(sentence);
  });

  it('keeps the fees of the shipping policy verbatim (en)', () => {
    const excerpt = policyExcerpt(store.policy('POL-001'), 'How much is the shipping fee?', 'en', {
      maxSentences: 3,
      includeOpening: true,
    });
    const text = excerpt.sentences.join(' ');
    expect(text).toContain('2,000 JPY');
    expect(text).toContain('440 JPY');
    for (const sentence of excerpt.sentences)
      expect(store.policy('POL-001').bodyEn).toContain(sentence);
  });

  it('picks the sentences that share words with the question, in body order', () => {
    const excerpt = policyExcerpt(
      store.policy('POL-004'),
      'Can I use express shipping for Okinawa?',
      'en',
      { maxSentences: 2, includeOpening: false },
    );
    expect(excerpt.sentences).toEqual([
      expect.stringContaining('Express shipping costs 550 JPY'),
      expect.stringContaining('Okinawa and remote islands'),
    ]);
    const ja = policyExcerpt(store.policy('POL-014'), 'コンビニ払いの上限はいくら？', 'ja', {
      maxSentences: 2,
      includeOpening: false,
    });
    expect(ja.sentences.join('')).toContain('50,000円');
  });

  it('scores in the question language when the answer is in the other one', () => {
    // No English sentence shares a word with the Japanese question; the Japanese twins do.
    const excerpt = policyExcerpt(store.policy('POL-014'), 'コンビニ払いの上限はいくら？', 'en', {
      maxSentences: 2,
      includeOpening: false,
    });
    expect(excerpt.sentences).toEqual([
      expect.stringContaining('Convenience store payment is available'),
      expect.stringContaining('The limit is 50,000 JPY per order'),
    ]);
  });

  it('falls back to the opening sentences when nothing is shared', () => {
    const excerpt = policyExcerpt(store.policy('POL-020'), '🙂', 'ja');
    expect(excerpt.sentences).toHaveLength(2);
    expect(excerpt.sentences[0]).toBe(
      '通常ポイントの有効期限は、最後にポイントを獲得または利用した日から12か月です。',
    );
    expect(excerpt.relevance).toBe(0);
  });

  it('rates a matching policy above an unrelated one', () => {
    const question = 'How long do points last before they expire?';
    const expiry = policyExcerpt(store.policy('POL-020'), question, 'en');
    const wrapping = policyExcerpt(store.policy('POL-035'), question, 'en');
    expect(expiry.relevance).toBeGreaterThan(wrapping.relevance);
  });
});
