import { Intent, Route } from '@mangaassist/contracts';
import type { AnswerRequest } from './answer-provider';

/** The four kinds of turn the session mix and cost projection count. */
export type TurnClass = 'template' | 'api' | 'rag' | 'llm';

export function turnClass(route: Route): TurnClass {
  switch (route) {
    case Route.API:
      return 'api';
    case Route.RAG:
      return 'rag';
    case Route.LLM:
      return 'llm';
    default:
      // Clarifying questions are fixed templates too.
      return 'template';
  }
}

/** Intents a model may answer on the rag route: questions about and searches for series. */
const MODEL_INTENTS_ON_RAG = new Set<Intent>([Intent.PRODUCT_SEARCH, Intent.PRODUCT_QUESTION]);

export interface ModelDecision {
  useModel: boolean;
  /** Why, for logs and tests: template_route, api_route, clarify_route, no_evidence, order_status, intent_not_generative, or model_route. */
  reason: string;
}

/**
 * Whether a turn may reach a model at all, decided before any provider is looked at, so it
 * holds for every GENERATION_PROVIDER. Template, clarify and catalog-API turns are composed
 * from the catalog record or policy without a model; so is any turn without evidence (the
 * safe "I couldn't find that" answer) and any order question (no order data to ground on).
 */
export function decideModelUse(request: AnswerRequest): ModelDecision {
  if (request.route === Route.TEMPLATE) return { useModel: false, reason: 'template_route' };
  if (request.route === Route.API) return { useModel: false, reason: 'api_route' };
  if (request.route === Route.CLARIFY) return { useModel: false, reason: 'clarify_route' };
  if (request.evidence.length === 0) return { useModel: false, reason: 'no_evidence' };
  if (request.intent === Intent.ORDER_STATUS) return { useModel: false, reason: 'order_status' };
  if (request.route === Route.RAG && !MODEL_INTENTS_ON_RAG.has(request.intent)) {
    return { useModel: false, reason: 'intent_not_generative' };
  }
  return { useModel: true, reason: 'model_route' };
}
