import { Intent, IntentSchema, Route, enumValueByName } from '@mangaassist/contracts';
import { type TurnClass, turnClass } from '../generation/answer-routing';

/** Share of each kind of turn; the four shares sum to 1. */
export type SessionMix = Record<TurnClass, number>;

/** A labelled or classified dev-set turn, as the projection counts it. */
export interface MixTurn {
  text: string;
  intent: Intent;
  route: Route;
}

const TURN_CLASSES: readonly TurnClass[] = ['template', 'api', 'rag', 'llm'];

/** The route each intent takes when the classifier is confident (docs/intents.md). */
export const ROUTE_OF_INTENT: Readonly<Record<string, Route>> = {
  product_search: Route.RAG,
  product_question: Route.RAG,
  availability_price: Route.API,
  release_preorder: Route.API,
  order_status: Route.API,
  return_refund: Route.TEMPLATE,
  shipping_delivery: Route.TEMPLATE,
  account_payment: Route.TEMPLATE,
  human_handoff: Route.TEMPLATE,
  greeting_chitchat: Route.TEMPLATE,
  out_of_scope: Route.TEMPLATE,
};

export function intentByName(name: string): Intent {
  const value = enumValueByName(IntentSchema, name);
  if (value === undefined) throw new Error(`unknown intent "${name}"`);
  return value;
}

export function measureMix(turns: readonly MixTurn[]): SessionMix {
  const mix: SessionMix = { template: 0, api: 0, rag: 0, llm: 0 };
  for (const turn of turns) mix[turnClass(turn.route)] += 1;
  for (const key of TURN_CLASSES) mix[key] = turns.length === 0 ? 0 : mix[key] / turns.length;
  return mix;
}

/** Parses --mix template=0.3,api=0.25,rag=0.4,llm=0.05 (shares are normalized to sum to 1). */
export function parseMix(text: string): SessionMix {
  const mix: SessionMix = { template: 0, api: 0, rag: 0, llm: 0 };
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [key, raw] = part.split('=');
    if (!TURN_CLASSES.includes(key as TurnClass)) {
      throw new Error(`--mix: unknown turn class "${key}" (use ${TURN_CLASSES.join(', ')})`);
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(`--mix: ${key} must be a non-negative number`);
    }
    mix[key as TurnClass] = value;
  }
  const total = TURN_CLASSES.reduce((sum, key) => sum + mix[key], 0);
  if (total <= 0) throw new Error('--mix: the shares must not all be zero');
  for (const key of TURN_CLASSES) mix[key] /= total;
  return mix;
}
