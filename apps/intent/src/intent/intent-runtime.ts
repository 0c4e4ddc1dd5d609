import { loadStoreSnapshot } from '@mangaassist/store-data';
import { EntityExtractor } from '../entities/entity-extractor';
import { TitleIndex } from '../entities/title-index';
import { TitleExtractor } from '../entities/title.extractor';
import { titleMaskingPreprocessor } from '../entities/title-masking.preprocessor';
import type { ClassifierSource, IntentClassifier } from './intent-classifier';
import { assertIntentLabels } from './intent-labels';
import { IntentPipeline } from './intent-pipeline';

export interface IntentRuntimeOptions {
  catalogPath: string;
  minConfidence: number;
}

/** A ready pipeline and what was loaded for it; the service, the benches and the CLIs share it. */
export interface IntentRuntime {
  pipeline: IntentPipeline;
  classifier: IntentClassifier;
  catalogSeries: number;
  titleKeys: number;
  /** Bad catalog lines that were skipped, one line each. */
  warnings: string[];
}

/**
 * Loads the catalog first (the classifier reads messages with the catalog's titles masked, and
 * the entities need them too), then the classifier from its source, then assembles the pipeline.
 */
export async function loadIntentRuntime(
  options: IntentRuntimeOptions,
  source: ClassifierSource,
): Promise<IntentRuntime> {
  const snapshot = await loadStoreSnapshot({ catalogPath: options.catalogPath });
  const warnings = snapshot.errors.map(
    ({ file, errors }) =>
      `${file}: ${errors.length} bad line(s) skipped, first: line ${errors[0].line}: ${errors[0].reason}`,
  );
  const titles = new TitleIndex(snapshot.items);
  const titleExtractor = new TitleExtractor(titles);
  const classifier = await source.load(titleMaskingPreprocessor(titleExtractor));
  assertIntentLabels(classifier.labels, source.describe());
  return {
    pipeline: new IntentPipeline(classifier, new EntityExtractor(titleExtractor), {
      minConfidence: options.minConfidence,
    }),
    classifier,
    catalogSeries: snapshot.items.length,
    titleKeys: titles.byKey.size,
    warnings,
  };
}
