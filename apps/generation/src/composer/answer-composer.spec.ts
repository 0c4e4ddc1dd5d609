import { create } from '@bufbuild/protobuf';
import { type Document, EntitiesSchema, Intent, Route } from '@mangaassist/contracts';
import type { LocaleCode } from '@mangaassist/text';
import { type StoreFixtures, composeInput, storeFixtures } from '../testing/store.fixtures';
import { composeAnswer } from './answer-composer';

/**
 * Every number and date of an answer that neither the evidence nor the question contains —
 * what the guardrails service would flag. Japanese dates (2026年12月4日) are read back as ISO
 * dates; 50,200 counts as 50200.
 */
function ungroundedValues(
  answer: string,
  evidence: readonly Document[],
  question: string,
): string[] {
  const source = `${JSON.stringify(evidence.map((d) => d.content.value))} ${question}`;
  const dates = new Set(source.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
  const numbers = new Set(
    (
      source
        .replace(/\d{4}-\d{2}-\d{2}/g, ' ')
        .replace(/(\d),(?=\d{3})/g, '$1')
        .match(/\d+/g) ?? []
    ).map((n) => String(Number(n))),
  );
  const problems: string[] = [];
  const rest = answer
    .replace(/(\d{4})年(\d{1,2})月(\d{1,2})日/g, (match, y: string, m: string, d: string) => {
      if (!dates.has(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`)) problems.push(match);
      return ' ';
    })
    .replace(/\d{4}-\d{2}-\d{2}/g, (match) => {
      if (!dates.has(match)) problems.push(match);
      return ' ';
    });
  for (const value of rest.match(/\d{1,3}(?:,\d{3})+|\d+/g) ?? []) {
    if (!numbers.has(String(Number(value.replace(/,/g, ''))))) problems.push(value);
  }
  return problems;
}

describe('composeAnswer', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  describe('the grounding check helper itself', () => {
    it('flags numbers and dates the evidence does not hold', () => {
      const evidence = store.docs('MA-0001');
      expect(
        ungroundedValues('116巻、528円、¥50,200、2026年12月4日、2026-12-04', evidence, ''),
      ).toEqual([]);
      expect(ungroundedValues('117巻は2026年12月5日、合計1,056円', evidence, '')).toEqual([
        '2026年12月5日',
        '1,056',
      ]);
      expect(ungroundedValues('Volume 130 is not out', evidence, 'vol 130?')).toEqual([]);
    });
  });

  describe('grounding over a batch of questions and real records', () => {
    const templates: Record<LocaleCode, ((t: string) => string)[]> = {
      ja: [
        (t) => `${t}は何巻まで出ていますか？`,
        (t) => `${t}の作者は誰？`,
        (t) => `${t}の値段はいくら？`,
        (t) => `${t}は在庫ありますか`,
        (t) => `${t}のKindle版はありますか`,
        (t) => `${t}の紙の本はいくら？`,
        (t) => `${t}の次の巻はいつ出る？予約できる？`,
        (t) => `${t}は完結してる？`,
        (t) => `${t}はいつから連載？出版社は？`,
        (t) => `${t}のあらすじとジャンルと対象年齢`,
        (t) => `${t}の全巻セットはある？`,
        (t) => `${t}に似た作品は？`,
        (t) => t,
      ],
      en: [
        (t) => `How many volumes of ${t} are out?`,
        (t) => `Who wrote ${t}?`,
        (t) => `How much is ${t}?`,
        (t) => `Is ${t} in stock?`,
        (t) => `Is ${t} on Kindle?`,
        (t) => `How much is the print edition of ${t}?`,
        (t) => `When is the next volume of ${t} out? Can I preorder?`,
        (t) => `Is ${t} finished?`,
        (t) => `When did ${t} start and who is the publisher?`,
        (t) => `What is ${t} about? Genre and age rating?`,
        (t) => `Is there a box set of ${t}?`,
        (t) => `Any manga similar to ${t}?`,
        (t) => t,
      ],
    };
    const intents = [
      Intent.PRODUCT_QUESTION,
      Intent.AVAILABILITY_PRICE,
      Intent.RELEASE_PREORDER,
      Intent.PRODUCT_SEARCH,
    ];

    it('states only numbers and dates found in the evidence or the question', () => {
      let answers = 0;
      const failures: string[] = [];
      store.snapshot.items
        .filter((_, index) => index % 3 === 0)
        .forEach((item, index) => {
          const related = item.similarTo.slice(0, 2);
          const evidence = store.docs(item.id, ...related);
          const volumes = [
            item.volumesPublished,
            item.volumesPublished + 3,
            item.nextVolume?.number ?? item.volumesPublished + 1,
          ];
          for (const locale of ['ja', 'en'] as const) {
            const title = locale === 'ja' ? item.titleJa : item.titleEn;
            const questions = [
              ...templates[locale].map((template) => template(title)),
              ...volumes.map((v) =>
                locale === 'ja'
                  ? `${title}の第${v}巻はいつ？`
                  : `When is vol ${v} of ${title} out?`,
              ),
            ];
            questions.forEach((question, q) => {
              const input = composeInput({
                question,
                locale,
                evidence,
                intent: intents[(index + q) % intents.length],
                entities:
                  q % 5 === 0
                    ? create(EntitiesSchema, { volume: item.volumesPublished })
                    : undefined,
              });
              const answer = composeAnswer(input);
              answers += 1;
              const problems = ungroundedValues(answer.text, evidence, question);
              if (problems.length > 0) {
                failures.push(`${item.id} "${question}": ${problems.join(', ')}`);
              }
              const evidenceIds = evidence.map((d) => d.content.value?.id);
              for (const c of answer.citations) expect(evidenceIds).toContain(c.id);
            });
          }
        });
      expect(failures).toEqual([]);
      expect(answers).toBeGreaterThan(3000);
    });

    it('keeps policy numbers verbatim for every policy', () => {
      const failures: string[] = [];
      for (const policy of store.snapshot.policies) {
        for (const [locale, question] of [
          ['ja', `${policy.titleJa}について教えてください`],
          ['en', `Tell me about ${policy.titleEn.toLowerCase()}`],
        ] as const) {
          const evidence = store.docs(policy.id, 'POL-001');
          const answer = composeAnswer(
            composeInput({
              question,
              locale,
              intent: Intent.SHIPPING_DELIVERY,
              route: Route.TEMPLATE,
              evidence,
            }),
          );
          const problems = ungroundedValues(answer.text, evidence, question);
          if (problems.length > 0) failures.push(`${policy.id} ${locale}: ${problems.join(', ')}`);
          expect(answer.citations[0]?.id).toBe(policy.id);
        }
      }
      expect(failures).toEqual([]);
    });
  });

  describe('routing by intent and route', () => {
    it('answers product questions from items and store questions from policies', () => {
      const product = composeAnswer(
        composeInput({
          question: 'ONE PIECEは何巻まで出ていますか？',
          locale: 'ja',
          evidence: store.docs('MA-0001'),
        }),
      );
      expect(product.text).toContain('116巻');
      expect(product.citations.map((c) => c.id)).toEqual(['MA-0001']);
      const policy = composeAnswer(
        composeInput({
          question: 'How much is shipping?',
          locale: 'en',
          intent: Intent.SHIPPING_DELIVERY,
          route: Route.TEMPLATE,
          evidence: store.docs('POL-001'),
        }),
      );
      expect(policy.text).toContain('440 JPY');
    });

    it('answers a catalog intent from policies when only policies came back', () => {
      const a = composeAnswer(
        composeInput({
          question: '予約はいつからできますか',
          locale: 'ja',
          intent: Intent.RELEASE_PREORDER,
          evidence: store.docs('POL-022'),
        }),
      );
      expect(a.text).toContain('【予約注文のしくみ】');
      expect(a.citations.map((c) => c.id)).toEqual(['POL-022']);
    });

    it('asks for clarification on the clarify route whatever the intent', () => {
      const a = composeAnswer(
        composeInput({
          question: 'ボルト',
          locale: 'ja',
          intent: Intent.PRODUCT_QUESTION,
          route: Route.CLARIFY,
          evidence: store.docs('MA-0003', 'MA-0004'),
        }),
      );
      expect(a.text).toContain('どの作品のことか');
      expect(a.citations.map((c) => c.id)).toEqual(['MA-0003', 'MA-0004']);
    });

    it('handles greeting, out-of-scope and order turns without evidence', () => {
      const base = { locale: 'en' as const };
      expect(
        composeAnswer(
          composeInput({ ...base, question: 'hello', intent: Intent.GREETING_CHITCHAT }),
        ).text,
      ).toMatch(/^Hello!/);
      expect(
        composeAnswer(composeInput({ ...base, question: 'weather?', intent: Intent.OUT_OF_SCOPE }))
          .text,
      ).toMatch(/^Sorry/);
      expect(
        composeAnswer(composeInput({ ...base, question: 'my order?', intent: Intent.ORDER_STATUS }))
          .text,
      ).toContain('sign in');
    });
  });

  describe('without evidence', () => {
    const catalogIntents = [
      Intent.PRODUCT_QUESTION,
      Intent.PRODUCT_SEARCH,
      Intent.AVAILABILITY_PRICE,
      Intent.RELEASE_PREORDER,
    ];
    const policyIntents = [
      Intent.RETURN_REFUND,
      Intent.SHIPPING_DELIVERY,
      Intent.ACCOUNT_PAYMENT,
      Intent.HUMAN_HANDOFF,
    ];

    it.each(catalogIntents)(
      'gives a safe catalog answer with nothing invented (intent %i)',
      (intent) => {
        const ja = composeAnswer(
          composeInput({ question: 'ゾンビ探偵の第3巻は1,000円？', locale: 'ja', intent }),
        );
        expect(ja.text).toMatch(/^申し訳ありません、該当する作品が見つかりませんでした/);
        const en = composeAnswer(
          composeInput({
            question: 'Is Zombie Detective vol 3 under 1,000 yen?',
            locale: 'en',
            intent,
          }),
        );
        expect(en.text).toMatch(/^I'm sorry, I couldn't find that in our catalog/);
        for (const answer of [ja, en]) {
          expect(answer.text).not.toMatch(/\d/);
          expect(answer.citations).toEqual([]);
        }
      },
    );

    it.each(policyIntents)(
      'gives a safe store answer with nothing invented (intent %i)',
      (intent) => {
        for (const locale of ['ja', 'en'] as const) {
          const answer = composeAnswer(composeInput({ question: '送料 440円?', locale, intent }));
          expect(answer.text).not.toMatch(/\d/);
          expect(answer.citations).toEqual([]);
        }
      },
    );
  });

  it('never throws on odd text', () => {
    const odd = [
      '📚📚📚',
      '\u0000\u0007\u001b',
      '\uD800abc',
      'ワンピース'.repeat(400),
      'a'.repeat(2000),
    ];
    for (const question of odd) {
      for (const intent of [
        Intent.PRODUCT_QUESTION,
        Intent.PRODUCT_SEARCH,
        Intent.SHIPPING_DELIVERY,
        Intent.GREETING_CHITCHAT,
      ]) {
        const answer = composeAnswer(
          composeInput({
            question,
            locale: 'ja',
            intent,
            evidence: store.docs('MA-0001', 'POL-001'),
          }),
        );
        expect(answer.text.length).toBeGreaterThan(0);
      }
    }
  });

  it('writes the same answer for the same request', () => {
    const input = composeInput({
      question: 'How much is One Piece and when is the next volume?',
      locale: 'en',
      evidence: store.docs('MA-0001', 'MA-0002', 'POL-001'),
    });
    expect(composeAnswer(input)).toEqual(composeAnswer(input));
  });
});
