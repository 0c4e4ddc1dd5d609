import { readFileSync } from 'node:fs';
import { fromRepoRoot } from '@mangaassist/config';
import { loadStoreSnapshot } from '@mangaassist/store-data';
import {
  DEFAULT_INJECTION_BLOCK_AT,
  DEFAULT_INJECTION_TRAIN_PATH,
  DEFAULT_INJECTION_WARN_AT,
  DEFAULT_NAME_TAGGER_THRESHOLD,
  DEFAULT_PII_TRAIN_PATH,
} from '../app/guardrails.config';
import { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import { loadInjectionExamples } from '../injection/labelled-injection-examples';
import { InputChecker } from '../input/input-checker';
import { InputScreen } from '../input/input-screen';
import { readMessage } from '../input/message-readings';
import { loadNameExamples } from '../pii/name-tagger/labelled-names';
import { NameTagger } from '../pii/name-tagger/name-tagger';
import { TaggedNameDetector } from '../pii/name-tagger/tagged-name.detector';
import type { PiiCandidate } from '../pii/pii-detector';
import { PiiScanner } from '../pii/pii-scanner';
import { redactSpans } from '../pii/redaction';
import { trainedClassifier } from '../testing/engine-fixtures';
import { checkedText } from '../text/checked-text';

/**
 * Regression floors on the labelled sets, in process (the eval suites measure the same over
 * gRPC). The dev sets were used during development; the test sets are the latest held-out
 * round, measured once when written (injection 0.967 / 0.011, PERSON 0.945 / 0.930). Both meet
 * the targets, which are the floors here.
 */
describe('detection quality on data/guardrails', () => {
  it('injection: dev and the held-out test meet the target', async () => {
    const classifier = await trainedClassifier();
    const screen = new InputScreen(new InputChecker(), () => classifier, {
      warnAt: DEFAULT_INJECTION_WARN_AT,
      blockAt: DEFAULT_INJECTION_BLOCK_AT,
    });
    const rates = async (split: string) => {
      const examples = await loadInjectionExamples(
        fromRepoRoot(`data/guardrails/injection.${split}.jsonl`),
      );
      let tp = 0;
      let fp = 0;
      const attacks = examples.filter((e) => e.label === 'attack').length;
      for (const example of examples) {
        const flagged = screen
          .screen(readMessage(checkedText(example.text)))
          .reasons.some(
            (r) => r.startsWith('input.injection.') || r === 'input.other_customer_data',
          );
        if (flagged && example.label === 'attack') tp += 1;
        if (flagged && example.label === 'benign') fp += 1;
      }
      return { recall: tp / attacks, fpr: fp / (examples.length - attacks) };
    };
    const dev = await rates('dev');
    expect(dev.recall).toBeGreaterThanOrEqual(0.95);
    expect(dev.fpr).toBeLessThanOrEqual(0.02);
    const test = await rates('test');
    expect(test.recall).toBeGreaterThanOrEqual(0.95);
    expect(test.fpr).toBeLessThanOrEqual(0.02);
  }, 60_000);

  it('PII: per-type precision and recall on the dev and held-out test sets', async () => {
    const store = await loadStoreSnapshot();
    // As the service scans shopper messages: the rules plus the name tagger trained on pii.dev.
    const tagger = NameTagger.train(
      await loadNameExamples(
        fromRepoRoot(DEFAULT_PII_TRAIN_PATH),
        fromRepoRoot(DEFAULT_INJECTION_TRAIN_PATH),
      ),
      DEFAULT_NAME_TAGGER_THRESHOLD,
    );
    const scanner = PiiScanner.withDefaultDetectors(CatalogVocabulary.fromItems(store.items), [
      new TaggedNameDetector(() => tagger),
    ]);
    const measure = (split: string) => {
      const counts = new Map<
        string,
        { gold: number; found: number; predicted: number; correct: number }
      >();
      const count = (type: string) => {
        const c = counts.get(type) ?? { gold: 0, found: 0, predicted: 0, correct: 0 };
        counts.set(type, c);
        return c;
      };
      const lines = readFileSync(fromRepoRoot(`data/guardrails/pii.${split}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as { text: string; entities: { type: string; value: string }[] });
      for (const line of lines) {
        const text = checkedText(line.text);
        const spans: PiiCandidate[] = scanner.scan(text.folded);
        const redacted = redactSpans(text.normalized, spans);
        const gold = line.entities.map((e) => {
          const value = checkedText(e.value).normalized;
          const start = text.normalized.indexOf(value);
          return { ...e, value, start, end: start + value.length };
        });
        for (const g of gold) {
          if (g.type === 'ORDER_ID') {
            expect(redacted).toContain(g.value);
            continue;
          }
          count(g.type).gold += 1;
          const typed = spans.some((s) => s.type === g.type && s.start < g.end && s.end > g.start);
          if (typed && !redacted.includes(g.value)) count(g.type).found += 1;
        }
        for (const s of spans) {
          count(s.type).predicted += 1;
          if (gold.some((g) => g.type === s.type && s.start < g.end && s.end > g.start)) {
            count(s.type).correct += 1;
          }
        }
      }
      return (type: string) => {
        const c = counts.get(type) ?? { gold: 0, found: 0, predicted: 0, correct: 0 };
        return {
          recall: c.found / c.gold,
          precision: c.predicted === 0 ? 1 : c.correct / c.predicted,
        };
      };
    };
    for (const split of ['dev', 'test']) {
      const of = measure(split);
      for (const type of ['EMAIL', 'PHONE', 'CREDIT_CARD', 'POSTAL_CODE', 'MY_NUMBER']) {
        expect(of(type).recall).toBeGreaterThanOrEqual(0.98);
        expect(of(type).precision).toBeGreaterThanOrEqual(0.95);
      }
      expect(of('ADDRESS').recall).toBeGreaterThanOrEqual(0.85);
      expect(of('PERSON').recall).toBeGreaterThanOrEqual(0.85);
      expect(of('PERSON').precision).toBeGreaterThanOrEqual(0.9);
    }
  }, 60_000);
});
