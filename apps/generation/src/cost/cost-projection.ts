import type { ModelTier } from '../generation/answer-provider';
import type { TurnClass } from '../generation/answer-routing';
import { type PriceTable, roundUsd } from './price-table';
import type { SessionMix } from './session-mix';

export interface ProjectionInput {
  sessions: number;
  turnsPerSession: number;
  mix: SessionMix;
  /** Per turn class, the share of its turns that reach a model (the rest are composed). */
  modelShareByClass: Record<TurnClass, number>;
  /** Of the turns that reach a model, the share per tier. */
  tierShare: Record<ModelTier, number>;
  models: Record<ModelTier, string>;
  tokensPerModelTurn: { input: number; output: number };
  /** Share of model turns answered from the cache (billing nothing). */
  cacheHitRate: number;
  prices: PriceTable;
}

export interface Projection {
  model_turn_share: number;
  cost_usd: {
    per_model_turn: Record<ModelTier, number> & { blended: number };
    per_turn: number;
    per_session: number;
    total: number;
  };
}

/**
 * Cost per session from the session mix: only turns that reach a model bill tokens, each at
 * its tier's price for the measured prompt and answer size, minus what the cache answers.
 */
export function projectCost(input: ProjectionInput): Projection {
  const modelTurnShare = (Object.keys(input.mix) as TurnClass[]).reduce(
    (sum, key) => sum + input.mix[key] * input.modelShareByClass[key],
    0,
  );
  const perTier = (tier: ModelTier) =>
    input.prices.cost(
      input.models[tier],
      input.tokensPerModelTurn.input,
      input.tokensPerModelTurn.output,
    );
  const fast = perTier('fast');
  const strong = perTier('strong');
  const blended = input.tierShare.fast * fast + input.tierShare.strong * strong;
  const perTurn = modelTurnShare * blended * (1 - input.cacheHitRate);
  const perSession = perTurn * input.turnsPerSession;
  return {
    model_turn_share: round4(modelTurnShare),
    cost_usd: {
      per_model_turn: {
        fast: roundUsd(fast),
        strong: roundUsd(strong),
        blended: roundUsd(blended),
      },
      per_turn: roundUsd(perTurn),
      per_session: roundUsd(perSession),
      total: roundUsd(perSession * input.sessions),
    },
  };
}

export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
