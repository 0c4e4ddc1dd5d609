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
import { type GroundingThresholds, OutputChecker } from './output-checker';

const DEFAULTS: GroundingThresholds = { warnBelow: 0.7, blockBelow: 0.5 };

describe('OutputChecker on real catalog records and policies', () => {
  let store: StoreSnapshot;
  let vocabulary: CatalogVocabulary;

  beforeAll(async () => {
    store = await loadStoreSnapshot();
    vocabulary = CatalogVocabulary.fromItems(store.items);
  });

  const docs = (...ids: string[]): Document[] =>
    ids.map((id) => {
      const item = store.items.find((i) => i.id === id);
      if (item) return itemDocument(item);
      const policy = store.policies.find((p) => p.id === id);
      if (!policy) throw new Error(`no record ${id}`);
      return policyDocument(policy);
    });
  const check = (answer: string, evidence: Document[], thresholds = DEFAULTS) =>
    new OutputChecker(
      () => vocabulary,
      PiiScanner.withDefaultDetectors(vocabulary),
      thresholds,
    ).check(checkedAnswer(answer), evidence);

  describe('grounding in Japanese', () => {
    it('supports a volume count taken from the item (MA-0001)', () => {
      const result = check('ONE PIECEは116巻まで発売されています。', docs('MA-0001'));
      expect(result).toMatchObject({ groundingScore: 1, unsupportedClaims: [], reasons: [] });
    });

    it('flags an invented volume count', () => {
      const result = check('ONE PIECEは120巻まで発売されています。', docs('MA-0001'));
      expect(result.unsupportedClaims).toEqual(['120巻']);
      expect(result.groundingScore).toBe(0.5);
      expect(result.reasons).toEqual(['output.weakly_grounded']);
    });

    it('accepts a number that only repeats the question, but not an invented one', () => {
      const checker = new OutputChecker(
        () => vocabulary,
        PiiScanner.withDefaultDetectors(vocabulary),
        DEFAULTS,
      );
      const answer = checkedAnswer(
        'ONE PIECEの130巻はまだ発表されていません。現在116巻まで発売中です。',
      );
      expect(
        checker.check(answer, docs('MA-0001'), 'ONE PIECEの130巻はいつ出ますか？')
          .unsupportedClaims,
      ).toEqual([]);
      expect(
        checker.check(answer, docs('MA-0001'), 'ONE PIECEの新刊は？').unsupportedClaims,
      ).toEqual(['130巻']);
      const english = checkedAnswer('Volume 130 of One Piece has not been announced yet.');
      expect(
        checker.check(english, docs('MA-0001'), 'when is one piece vol 130 out').groundingScore,
      ).toBe(1);
    });

    it('supports the next volume, its date and the price', () => {
      const result = check(
        'ONE PIECEの第117巻は2026年12月4日発売予定で、紙の本は528円です。12月4日をお楽しみに。',
        docs('MA-0001'),
      );
      expect(result.unsupportedClaims).toEqual([]);
      expect(result.groundingScore).toBe(1);
    });

    it('blocks an answer whose numbers and dates are invented', () => {
      const result = check(
        'ONE PIECEの第125巻は2027年3月3日発売で、価格は700円、全150巻の予定です。',
        docs('MA-0001'),
      );
      expect(result.unsupportedClaims).toEqual(['第125巻', '2027年3月3日', '700円', '全150巻']);
      expect(result.groundingScore).toBeCloseTo(0.2);
      expect(result.reasons).toEqual(['output.ungrounded']);
    });

    it('counts a title that is not in the evidence as unsupported', () => {
      const result = check('ONE PIECEが好きならNARUTOもおすすめです。', docs('MA-0001'));
      expect(result.unsupportedClaims).toEqual(['NARUTO']);
      expect(result.reasons).toEqual(['output.weakly_grounded']);
    });

    it('tells nested titles apart (呪術廻戦 0 vs 呪術廻戦)', () => {
      expect(check('呪術廻戦 0は全1巻で完結しています。', docs('MA-0010')).groundingScore).toBe(1);
      expect(check('呪術廻戦は全1巻で完結しています。', docs('MA-0012')).unsupportedClaims).toEqual(
        ['呪術廻戦', '全1巻'],
      );
    });

    it('checks policy numbers and dates (POL-001, POL-002)', () => {
      const fees = check('2,000円以上のご注文は送料無料、それ未満は440円です。', docs('POL-001'));
      expect(fees.groundingScore).toBe(1);
      const holidays = check('12月29日から1月3日までは発送をお休みします。', docs('POL-002'));
      expect(holidays.groundingScore).toBe(1);
      const invented = check('3,000円以上のご注文は送料無料です。', docs('POL-001'));
      expect(invented.reasons).toEqual(['output.ungrounded']);
    });
  });

  describe('grounding in English', () => {
    it('supports facts taken from the item (MA-0001)', () => {
      const result = check(
        'One Piece has 116 volumes so far. Volume 117 comes out on December 4, 2026 and costs 528 yen.',
        docs('MA-0001'),
      );
      expect(result).toMatchObject({ groundingScore: 1, unsupportedClaims: [], reasons: [] });
    });

    it('flags invented volumes, dates and prices', () => {
      const result = check(
        'One Piece has 120 volumes. Volume 121 comes out on March 3, 2027 for ¥600.',
        docs('MA-0001'),
      );
      expect(result.unsupportedClaims).toEqual([
        '120 volumes',
        'Volume 121',
        'March 3, 2027',
        '¥600',
      ]);
      expect(result.reasons).toEqual(['output.ungrounded']);
    });

    it('counts a title that is not in the evidence as unsupported', () => {
      const result = check('If you like Frieren, try Chainsaw Man (24 volumes).', docs('MA-0143'));
      expect(result.unsupportedClaims).toEqual(['Chainsaw Man', '24 volumes']);
    });

    it('checks policy facts (POL-001)', () => {
      expect(
        check(
          'Orders of 2,000 JPY or more ship free; below that shipping is 440 JPY.',
          docs('POL-001'),
        ).groundingScore,
      ).toBe(1);
      expect(
        check('Returns are accepted within 45 days.', docs('POL-001')).unsupportedClaims,
      ).toEqual(['45 days']);
    });
  });

  describe('verdict rules', () => {
    it('blocks checkable claims without evidence and allows an answer with no claims', () => {
      expect(check('ONE PIECEは116巻です。', []).reasons).toEqual(['output.no_evidence']);
      expect(check('Thanks for asking! Is there anything else I can help with?', [])).toMatchObject(
        {
          groundingScore: 1,
          reasons: [],
        },
      );
    });

    it('applies the configured thresholds', () => {
      const answer = 'ONE PIECEは120巻まで発売されています。';
      expect(check(answer, docs('MA-0001'), { warnBelow: 0.9, blockBelow: 0.6 }).reasons).toEqual([
        'output.ungrounded',
      ]);
      expect(check(answer, docs('MA-0001'), { warnBelow: 0.4, blockBelow: 0.2 }).reasons).toEqual(
        [],
      );
    });

    it('blocks refund, discount and delivery promises the cited policy does not make', () => {
      // A promise is a claim too: the only claim of this answer is unsupported.
      const refund = check('開封済みでも全額返金します。', docs('POL-012'));
      expect(refund.reasons).toEqual(['output.ungrounded', 'output.policy_promise']);
      expect(refund.unsupportedClaims).toEqual(['全額返金します']);
      expect(
        check('We guarantee delivery by Friday and will give you a discount.', []).reasons,
      ).toEqual(['output.no_evidence', 'output.policy_promise']);
      const mixed = check(
        'ONE PIECEは116巻まで発売中です。今なら10%オフにします。',
        docs('MA-0001'),
      );
      expect(mixed.groundingScore).toBe(0.5);
      expect(mixed.reasons).toEqual(['output.weakly_grounded', 'output.policy_promise']);
    });

    it('accepts the promise when the cited policy makes it (POL-009)', () => {
      const result = check(
        '交換品を用意できない場合は、送料を含めて全額を返金します。',
        docs('POL-009'),
      );
      expect(result.reasons).toEqual([]);
    });

    it('blocks competitor prices', () => {
      expect(
        check('ONE PIECEは528円です。Amazonでは480円です。', docs('MA-0001')).reasons,
      ).toContain('output.competitor_price');
      expect(check('Rakuten sells One Piece for 500 yen.', docs('MA-0001')).reasons).toContain(
        'output.competitor_price',
      );
    });

    it('redacts PII in the answer, keeping its line breaks', () => {
      const result = check(
        '山田様、ご注文ありがとうございます。\nお電話は090-1234-5678まで。\nEmail: taro@example.com',
        [],
      );
      expect(result.redactedAnswer).toBe(
        '[PERSON]様、ご注文ありがとうございます。\nお電話は[PHONE]まで。\nEmail: [EMAIL]',
      );
      // Contact data the evidence does not hold is someone else's (or invented): blocked.
      expect(result.reasons).toEqual(['output.other_customer_data', 'output.pii']);
      expect(check('山田様、ご注文ありがとうございます。', []).reasons).toEqual(['output.pii']);
    });

    it('keeps names copied from a cited synopsis and author names', () => {
      const result = check(
        '古見さんは極度のコミュ症で、只野くんが友達作りを手伝います。作者はオダトモヒトさんです。',
        docs('MA-0148'),
      );
      expect(result.reasons).not.toContain('output.pii');
      expect(result.redactedAnswer).toContain('只野くん');
    });
  });
});
