import type { MessageInitShape } from '@bufbuild/protobuf';
import { Intent, Locale, type ClassifyResponseSchema, type Entities } from '@mangaassist/contracts';
import { detectLocale } from '@mangaassist/text';
import type { ScoredLabel } from '../classifier/intent-model';
import type { EntityExtractor } from '../entities/entity-extractor';
import { applyStageOneRules, STAGE_ONE_RULES } from '../rules/stage-one-rules';
import type { StageOneRule } from '../rules/stage-one-rule';
import { hasTextContent, NO_TEXT_CONTENT_CONFIDENCE, NO_TEXT_CONTENT_RULE } from './content-guard';
import type { IntentClassifier } from './intent-classifier';
import { intentOfLabel } from './intent-labels';
import { chooseRoute } from './routing';

export type ClassifyReply = MessageInitShape<typeof ClassifyResponseSchema>;

/** Next most likely intents reported next to the decision. */
export const MAX_ALTERNATIVES = 3;

export interface IntentPipelineOptions {
  /** Below it the route becomes LLM (title known) or CLARIFY. */
  minConfidence: number;
  rules?: readonly StageOneRule[];
}

/**
 * One classification: stage-1 rules, else the classifier; then entities and the route.
 * The classifier runs even when a rule decides, so the alternatives are always its view.
 */
export class IntentPipeline {
  private readonly rules: readonly StageOneRule[];

  constructor(
    private readonly classifier: IntentClassifier,
    private readonly entities: EntityExtractor,
    private readonly options: IntentPipelineOptions,
  ) {
    this.rules = options.rules ?? STAGE_ONE_RULES;
  }

  get modelVersion(): string {
    return this.classifier.version;
  }

  /** Classifies a validated, non-empty text; `locale` UNSPECIFIED means detect it. */
  async classify(text: string, locale: Locale): Promise<ClassifyReply> {
    const replyLocale =
      locale === Locale.UNSPECIFIED
        ? detectLocale(text) === 'ja'
          ? Locale.JA
          : Locale.EN
        : locale;
    if (!hasTextContent(text)) {
      return {
        intent: Intent.OUT_OF_SCOPE,
        confidence: NO_TEXT_CONTENT_CONFIDENCE,
        route: chooseRoute(
          {
            intent: Intent.OUT_OF_SCOPE,
            confidence: NO_TEXT_CONTENT_CONFIDENCE,
            titleRecognised: false,
          },
          this.options.minConfidence,
        ),
        entities: {},
        locale: replyLocale,
        rule: NO_TEXT_CONTENT_RULE,
        modelVersion: this.classifier.version,
        alternatives: [],
      };
    }
    const entities = this.entities.extract(text);
    const ranked = await this.classifier.predict(text);
    const rule = applyStageOneRules(text, this.rules);
    const decided: ScoredLabel = rule
      ? { label: rule.intent, probability: rule.confidence }
      : ranked[0];
    const intent = intentOfLabel(decided.label);
    return {
      intent,
      confidence: decided.probability,
      route: chooseRoute(
        { intent, confidence: decided.probability, titleRecognised: hasTitle(entities) },
        this.options.minConfidence,
      ),
      entities,
      locale: replyLocale,
      rule: rule?.name ?? '',
      modelVersion: this.classifier.version,
      alternatives: ranked
        .filter((scored) => scored.label !== decided.label)
        .slice(0, MAX_ALTERNATIVES)
        .map((scored) => ({
          intent: intentOfLabel(scored.label),
          probability: scored.probability,
        })),
    };
  }
}

function hasTitle(entities: Entities): boolean {
  return entities.titleIds.length > 0;
}
