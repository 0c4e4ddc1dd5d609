import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type FeatureVector, isKnownFeature } from '../features/feature-extractor';

/**
 * The weights file. A training script writes the same shape with a new model_version; features
 * left out weigh 0, unknown feature names are rejected so a typo cannot silently drop a signal.
 */
export const featureWeightsSchema = z.object({
  format: z.literal('mangaassist.rerank.feature-weights/v1'),
  model_version: z.string().min(1).max(100),
  model: z.literal('linear'),
  training: z
    .object({
      method: z.string().min(1),
      trained_at: z.string().nullable(),
      data: z.string().nullable(),
      metrics: z.record(z.string(), z.number()).nullable(),
      notes: z.string().optional(),
    })
    .optional(),
  bias: z.number().finite().default(0),
  features: z
    .array(
      z.object({
        name: z.string().refine(isKnownFeature, { message: 'unknown feature' }),
        weight: z.number().finite(),
        description: z.string().optional(),
      }),
    )
    .min(1)
    .refine((list) => new Set(list.map((f) => f.name)).size === list.length, {
      message: 'feature names must be unique',
    }),
});

export type FeatureWeights = z.infer<typeof featureWeightsSchema>;

/** A linear model over named features: bias + Σ weight × value. */
export class FeatureModel {
  private readonly weights: ReadonlyMap<string, number>;

  constructor(private readonly spec: FeatureWeights) {
    this.weights = new Map(spec.features.map((f) => [f.name, f.weight]));
  }

  get version(): string {
    return this.spec.model_version;
  }

  score(features: FeatureVector): number {
    let score = this.spec.bias;
    for (const [name, value] of Object.entries(features)) {
      score += (this.weights.get(name) ?? 0) * value;
    }
    return score;
  }
}

export class FeatureModelError extends Error {
  override readonly name = 'FeatureModelError';
}

export function parseFeatureWeights(json: unknown, source: string): FeatureModel {
  const parsed = featureWeightsSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(file)'}: ${i.message}`,
    );
    throw new FeatureModelError(`${source}: invalid feature weights: ${problems.join('; ')}`);
  }
  return new FeatureModel(parsed.data);
}

export async function loadFeatureModel(path: string): Promise<FeatureModel> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new FeatureModelError(
      `${path}: cannot read feature weights: ${(error as Error).message}`,
    );
  }
  return parseFeatureWeights(json, path);
}
