import { PriceTable } from './price-table';
import { projectCost } from './cost-projection';
import { measureMix, parseMix } from './session-mix';
import { Intent, Route } from '@mangaassist/contracts';

describe('projectCost', () => {
  const prices = new PriceTable({
    fast: { inputPer1k: 0.001, outputPer1k: 0.002 },
    strong: { inputPer1k: 0.01, outputPer1k: 0.02 },
  });

  it('bills only model turns, at their tier price, less the cache hits', () => {
    const projection = projectCost({
      sessions: 1000,
      turnsPerSession: 4,
      mix: { template: 0.25, api: 0.25, rag: 0.5, llm: 0 },
      modelShareByClass: { template: 0, api: 0, rag: 1, llm: 1 },
      tierShare: { fast: 0.75, strong: 0.25 },
      models: { fast: 'fast', strong: 'strong' },
      tokensPerModelTurn: { input: 1000, output: 500 },
      cacheHitRate: 0.2,
      prices,
    });
    // fast: 0.001 + 0.001 = 0.002; strong: 0.01 + 0.01 = 0.02; blended 0.0065
    expect(projection.cost_usd.per_model_turn).toEqual({
      fast: 0.002,
      strong: 0.02,
      blended: 0.0065,
    });
    expect(projection.model_turn_share).toBe(0.5);
    expect(projection.cost_usd.per_turn).toBeCloseTo(0.5 * 0.0065 * 0.8, 9);
    expect(projection.cost_usd.per_session).toBeCloseTo(4 * 0.5 * 0.0065 * 0.8, 9);
    expect(projection.cost_usd.total).toBeCloseTo(1000 * 4 * 0.5 * 0.0065 * 0.8, 6);
  });
});

describe('session mix', () => {
  it('measures the share of each route', () => {
    const mix = measureMix([
      { text: 'hi', intent: Intent.GREETING_CHITCHAT, route: Route.TEMPLATE },
      { text: 'price', intent: Intent.AVAILABILITY_PRICE, route: Route.API },
      { text: 'about', intent: Intent.PRODUCT_QUESTION, route: Route.RAG },
      { text: '?', intent: Intent.PRODUCT_QUESTION, route: Route.CLARIFY },
    ]);
    expect(mix).toEqual({ template: 0.5, api: 0.25, rag: 0.25, llm: 0 });
  });

  it('parses and normalizes --mix, refusing unknown classes and bad numbers', () => {
    expect(parseMix('template=3,api=3,rag=3,llm=1')).toEqual({
      template: 0.3,
      api: 0.3,
      rag: 0.3,
      llm: 0.1,
    });
    expect(() => parseMix('tmpl=1')).toThrow(/unknown turn class "tmpl"/);
    expect(() => parseMix('rag=-1')).toThrow(/rag must be a non-negative number/);
    expect(() => parseMix('rag=0')).toThrow(/must not all be zero/);
  });
});
