import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { IntentModel, type IntentModelParts, type ModelMetrics } from './intent-model';
import { INTENT_LABELS } from './labelled-examples';
import { IDENTITY_PREPROCESSOR, type TextPreprocessor } from './text-preprocessor';

export const ARTIFACT_FORMAT = 'mangaassist.intent.softmax-regression';
export const ARTIFACT_FORMAT_VERSION = 1;

const metricsSchema = z.object({
  trainExamples: z.number().int().nonnegative(),
  devExamples: z.number().int().nonnegative(),
  devAccuracy: z.number().min(0).max(1),
  devMacroF1: z.number().min(0).max(1),
  devNllUncalibrated: z.number().nonnegative(),
  devNll: z.number().nonnegative(),
  devEce: z.number().min(0).max(1),
  iterations: z.number().int().nonnegative(),
  trainingMs: z.number().nonnegative(),
});

const artifactSchema = z
  .object({
    format: z.literal(ARTIFACT_FORMAT),
    formatVersion: z.literal(ARTIFACT_FORMAT_VERSION),
    version: z.string().min(1),
    createdAt: z.string(),
    labels: z.array(z.string()).min(2),
    preprocessing: z.string().min(1),
    features: z.object({
      hashBits: z.number().int().min(8).max(30),
      seed: z.number().int(),
      wordBigrams: z.boolean(),
    }),
    temperature: z.number().positive(),
    buckets: z.array(z.number().int().nonnegative()),
    weights: z.array(z.number()),
    bias: z.array(z.number()),
    metrics: metricsSchema,
  })
  .superRefine((a, ctx) => {
    if (a.weights.length !== a.buckets.length * a.labels.length)
      ctx.addIssue({ code: 'custom', message: 'weights must have buckets x labels entries' });
    if (a.bias.length !== a.labels.length)
      ctx.addIssue({ code: 'custom', message: 'bias must have one entry per label' });
    const unknown = a.labels.filter((l) => !INTENT_LABELS.includes(l));
    if (unknown.length > 0)
      ctx.addIssue({ code: 'custom', message: `unknown labels ${unknown.join(', ')}` });
  });

/** The JSON file a trained model is saved as; a later training CLI writes the same shape. */
export type ModelArtifact = z.infer<typeof artifactSchema>;

/**
 * A content hash of everything that affects predictions, so the same data and options always
 * give the same version and any retrained model that predicts differently gets a new one.
 */
export function modelVersion(parts: IntentModelParts): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({ labels: parts.labels, features: parts.features, t: parts.temperature }),
  );
  hash.update(
    Buffer.from(parts.buckets.buffer, parts.buckets.byteOffset, parts.buckets.byteLength),
  );
  hash.update(
    Buffer.from(parts.weights.buffer, parts.weights.byteOffset, parts.weights.byteLength),
  );
  hash.update(Buffer.from(parts.bias.buffer, parts.bias.byteOffset, parts.bias.byteLength));
  return `intent-softmax-${hash.digest('hex').slice(0, 12)}`;
}

export function toModelArtifact(model: IntentModel, createdAt = new Date()): ModelArtifact {
  const { parts } = model;
  return {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    version: model.version,
    createdAt: createdAt.toISOString(),
    labels: [...parts.labels],
    preprocessing: parts.preprocessing,
    features: { ...parts.features },
    temperature: parts.temperature,
    buckets: Array.from(parts.buckets),
    weights: Array.from(parts.weights),
    bias: Array.from(parts.bias),
    metrics: { ...model.metrics },
  };
}

/** The preprocessor must be the one named in the artifact (e.g. title masking over the catalog). */
export function fromModelArtifact(
  artifact: ModelArtifact,
  preprocessor: TextPreprocessor = IDENTITY_PREPROCESSOR,
): IntentModel {
  const parts: IntentModelParts = {
    labels: artifact.labels,
    preprocessing: artifact.preprocessing,
    features: artifact.features,
    buckets: Int32Array.from(artifact.buckets),
    weights: Float64Array.from(artifact.weights),
    bias: Float64Array.from(artifact.bias),
    temperature: artifact.temperature,
  };
  const version = modelVersion(parts);
  // A hand-edited or truncated file must not run under the version it claims.
  if (version !== artifact.version) {
    throw new Error(
      `model artifact claims version ${artifact.version} but its content is ${version}`,
    );
  }
  const metrics: ModelMetrics = artifact.metrics;
  return new IntentModel(parts, version, metrics, preprocessor);
}

/** Writes atomically (temp file + rename) so a reader never sees half an artifact. */
export async function saveModelArtifact(path: string, model: IntentModel): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(toModelArtifact(model))}\n`, 'utf8');
  await rename(temporary, path);
}

export async function loadModelArtifact(
  path: string,
  preprocessor: TextPreprocessor = IDENTITY_PREPROCESSOR,
): Promise<IntentModel> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read model artifact: ${(error as Error).message}`);
  }
  const parsed = artifactSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(artifact)'}: ${i.message}`,
    );
    throw new Error(`${path}: invalid model artifact: ${problems.slice(0, 5).join('; ')}`);
  }
  try {
    return fromModelArtifact(parsed.data, preprocessor);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}
