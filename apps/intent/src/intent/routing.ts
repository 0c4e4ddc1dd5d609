import { Intent, Route } from '@mangaassist/contracts';

const ROUTE_BY_INTENT: Record<Intent, Route> = {
  [Intent.UNSPECIFIED]: Route.CLARIFY,
  [Intent.PRODUCT_SEARCH]: Route.RAG,
  [Intent.PRODUCT_QUESTION]: Route.RAG,
  [Intent.AVAILABILITY_PRICE]: Route.API,
  [Intent.RELEASE_PREORDER]: Route.API,
  [Intent.ORDER_STATUS]: Route.API,
  [Intent.RETURN_REFUND]: Route.TEMPLATE,
  [Intent.SHIPPING_DELIVERY]: Route.TEMPLATE,
  [Intent.ACCOUNT_PAYMENT]: Route.TEMPLATE,
  [Intent.HUMAN_HANDOFF]: Route.TEMPLATE,
  [Intent.GREETING_CHITCHAT]: Route.TEMPLATE,
  [Intent.OUT_OF_SCOPE]: Route.TEMPLATE,
};

export interface RoutingInput {
  intent: Intent;
  confidence: number;
  /** A catalog title was found in the message. */
  titleRecognised: boolean;
}

/**
 * The route of a turn. Below the confidence floor the intent is a guess: with a known title,
 * retrieval plus generation can still answer (LLM); without one, asking back is cheaper and
 * safer than answering the wrong question (CLARIFY).
 */
export function chooseRoute(input: RoutingInput, minConfidence: number): Route {
  if (input.confidence < minConfidence) return input.titleRecognised ? Route.LLM : Route.CLARIFY;
  return ROUTE_BY_INTENT[input.intent] ?? Route.CLARIFY;
}
