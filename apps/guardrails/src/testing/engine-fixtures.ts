import { fromRepoRoot } from '@mangaassist/config';
import { loadStoreSnapshot } from '@mangaassist/store-data';
import {
  DEFAULT_INJECTION_BLOCK_AT,
  DEFAULT_INJECTION_TRAIN_PATH,
  DEFAULT_INJECTION_WARN_AT,
} from '../app/guardrails.config';
import { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import { GuardrailsEngine } from '../guardrails/guardrails-engine.service';
import { InjectionClassifier } from '../injection/injection-classifier';
import { loadInjectionExamples } from '../injection/labelled-injection-examples';

let classifier: Promise<InjectionClassifier> | undefined;

/** The classifier trained on the repository's labelled set, once per test worker. */
export function trainedClassifier(): Promise<InjectionClassifier> {
  classifier ??= loadInjectionExamples(fromRepoRoot(DEFAULT_INJECTION_TRAIN_PATH)).then(
    (examples) => InjectionClassifier.train(examples),
  );
  return classifier;
}

/** An engine over the sample store with the default thresholds of the config. */
export async function defaultEngine(): Promise<GuardrailsEngine> {
  const [store, injection] = await Promise.all([loadStoreSnapshot(), trainedClassifier()]);
  const vocabulary = CatalogVocabulary.fromItems(store.items);
  return new GuardrailsEngine({
    vocabulary: () => vocabulary,
    injection: () => injection,
    grounding: { warnBelow: 0.7, blockBelow: 0.5 },
    injectionThresholds: { warnAt: DEFAULT_INJECTION_WARN_AT, blockAt: DEFAULT_INJECTION_BLOCK_AT },
  });
}
