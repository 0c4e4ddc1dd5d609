import { z } from 'zod';

/** USD per 1,000 tokens for one model id. */
export interface ModelPrice {
  inputPer1k: number;
  outputPer1k: number;
}

const priceSchema = z.strictObject({
  input_per_1k: z.number().min(0).max(10),
  output_per_1k: z.number().min(0).max(10),
});

/** The shape of GENERATION_PRICE_TABLE: {"<model id>": {"input_per_1k": .., "output_per_1k": ..}}. */
export const priceTableSchema = z.record(z.string().min(1).max(200), priceSchema);

/**
 * On-demand list prices (USD per 1k tokens) of the models the defaults name, plus the local
 * composer at zero. A deployment adds or overrides entries with GENERATION_PRICE_TABLE; a model
 * id with no entry is refused at start, because an unpriced model cannot be budgeted.
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = {
  'local-composer': { inputPer1k: 0, outputPer1k: 0 },
  'anthropic.claude-3-haiku-20240307-v1:0': { inputPer1k: 0.00025, outputPer1k: 0.00125 },
  'anthropic.claude-3-5-haiku-20241022-v1:0': { inputPer1k: 0.0008, outputPer1k: 0.004 },
  'anthropic.claude-3-5-sonnet-20240620-v1:0': { inputPer1k: 0.003, outputPer1k: 0.015 },
  'anthropic.claude-3-5-sonnet-20241022-v2:0': { inputPer1k: 0.003, outputPer1k: 0.015 },
  'anthropic.claude-3-7-sonnet-20250219-v1:0': { inputPer1k: 0.003, outputPer1k: 0.015 },
  'anthropic.claude-sonnet-4-20250514-v1:0': { inputPer1k: 0.003, outputPer1k: 0.015 },
  'gpt-4o-mini': { inputPer1k: 0.00015, outputPer1k: 0.0006 },
  // Self-hosted models cost compute, not tokens; teams price them here if they want a figure.
  'qwen2.5:7b-instruct': { inputPer1k: 0, outputPer1k: 0 },
};

export class PriceTable {
  private readonly prices: ReadonlyMap<string, ModelPrice>;

  constructor(overrides: Readonly<Record<string, ModelPrice>> = {}) {
    this.prices = new Map(Object.entries({ ...DEFAULT_PRICES, ...overrides }));
  }

  /** Parses GENERATION_PRICE_TABLE (snake_case JSON) into prices. */
  static fromJson(json: z.infer<typeof priceTableSchema>): PriceTable {
    const overrides: Record<string, ModelPrice> = {};
    for (const [id, price] of Object.entries(json)) {
      overrides[id] = { inputPer1k: price.input_per_1k, outputPer1k: price.output_per_1k };
    }
    return new PriceTable(overrides);
  }

  has(modelId: string): boolean {
    return this.prices.has(modelId);
  }

  get modelIds(): string[] {
    return [...this.prices.keys()].sort();
  }

  price(modelId: string): ModelPrice | undefined {
    return this.prices.get(modelId);
  }

  /** USD for the tokens; an unknown model costs 0 here because start-up refused unknown ids. */
  cost(modelId: string, inputTokens: number, outputTokens: number): number {
    const price = this.prices.get(modelId);
    if (!price) return 0;
    return roundUsd(
      (inputTokens / 1000) * price.inputPer1k + (outputTokens / 1000) * price.outputPer1k,
    );
  }
}

/** Micro-dollar precision: enough for per-turn figures, no float noise in JSON. */
export function roundUsd(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}
