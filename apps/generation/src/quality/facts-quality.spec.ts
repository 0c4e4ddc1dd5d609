import { Intent, Route } from '@mangaassist/contracts';
import { fromRepoRoot } from '@mangaassist/config';
import { composeAnswer } from '../composer/answer-composer';
import { composeInput, type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import { type FactCase, loadFactCases } from './fact-case';
import { missingFacts, ungroundedNumbers } from './facts-check';

/** The intent and route the intent service gives each kind of question (docs/intents.md). */
function routing(asks: string): { intent: Intent; route: Route } {
  if (asks === 'next') return { intent: Intent.RELEASE_PREORDER, route: Route.API };
  if (asks === 'price' || asks === 'price+next') {
    return { intent: Intent.AVAILABILITY_PRICE, route: Route.API };
  }
  return { intent: Intent.PRODUCT_QUESTION, route: Route.RAG };
}

/**
 * The held-out fact questions of data/generation/facts.jsonl through the local composer, with
 * the right series first in the evidence and its similar series after it (what retrieval
 * typically returns). Every expected fact must be stated, and no number may be missing from
 * the records the answer cites. The same set is asked through the running stack by
 * `npx nx run generation:eval-facts`.
 */
describe('answer quality on the held-out fact questions (composer)', () => {
  let store: StoreFixtures;
  let cases: FactCase[];
  beforeAll(async () => {
    store = await storeFixtures();
    cases = loadFactCases(fromRepoRoot('data/generation/facts.jsonl'));
  });

  it('has Japanese and English cases for every kind of fact', () => {
    for (const locale of ['ja', 'en']) {
      const asked = new Set(
        cases.filter((c) => c.locale === locale).flatMap((c) => c.facts.map((f) => f.kind)),
      );
      expect([...asked].sort()).toEqual([
        'author',
        'next_volume',
        'price',
        'publisher',
        'start_year',
        'status',
        'volumes',
      ]);
    }
  });

  it('states every expected fact in at least 95% of answers, and no ungrounded number in any', () => {
    const failures: string[] = [];
    const ungrounded: string[] = [];
    for (const c of cases) {
      const item = store.item(c.item);
      const evidence = store.docs(c.item, ...item.similarTo.slice(0, 2));
      const answer = composeAnswer(
        composeInput({ question: c.question, locale: c.locale, evidence, ...routing(c.asks) }),
      );
      const missing = missingFacts(answer.text, c.locale, c.facts);
      if (missing.length > 0) {
        failures.push(`${c.id} ${c.question} -> missing ${missing.join(', ')}: ${answer.text}`);
      }
      const cited = answer.citations.map((citation) => store.item(citation.id));
      const stray = ungroundedNumbers(answer.text, c.question, cited);
      if (stray.length > 0) ungrounded.push(`${c.id} ${stray.join(', ')}: ${answer.text}`);
    }
    const rate = 1 - failures.length / cases.length;
    if (failures.length > 0) process.stderr.write(`facts missed:\n${failures.join('\n')}\n`);
    expect(ungrounded).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});
