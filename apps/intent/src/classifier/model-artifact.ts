import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IntentModel, type IntentModelParts, type ModelMetrics } from './intent-model';
import { modelVersion } from './model-version';
import { IDENTITY_PREPROCESSOR, type TextPreprocessor } from './text-preprocessor';

export const ARTIFACT_FORMAT = 'mangaassist.intent.softmax-regression';
export const ARTIFACT_FORMAT_VERSION = 2;
/** The files of a model directory. */
export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

const metricsSchema = z.object({
  trainExamples: z.number().int().nonnegative(),
  devExamples: z.number().int().nonnegative(),
  devAccuracy: z.number().min(0).max(1),
  devMacroF1: z.number().min(0).max(1),
  devNllUncalibrated: z.number().nonnegative(),
  devNll: z.number().nonnegative(),
  devEce: z.number().min(0).max(1),
  trainLoss: z.number().nonnegative(),
  epochs: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
  trainingMs: z.number().nonnegative(),
});

const fileProvenanceSchema = z.object({
  path: z.string(),
  sha256: z.string(),
  examples: z.number().int().nonnegative().optional(),
});

/** Where the training data came from, so a test can tell whether the artifact is stale. */
export const provenanceSchema = z.object({
  train: fileProvenanceSchema,
  dev: fileProvenanceSchema,
  catalog: fileProvenanceSchema.optional(),
  /** The training options, as given to trainIntentModel. */
  options: z.record(z.string(), z.unknown()),
});
export type TrainingProvenance = z.infer<typeof provenanceSchema>;

const manifestSchema = z.object({
  format: z.literal(ARTIFACT_FORMAT),
  formatVersion: z.literal(ARTIFACT_FORMAT_VERSION),
  version: z.string().min(1),
  labels: z.array(z.string().min(1)).min(2),
  preprocessing: z.string().min(1),
  features: z.object({
    hashBits: z.number().int().min(8).max(30),
    seed: z.number().int(),
    wordBigrams: z.boolean(),
    latinCharGrams: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    japaneseCharGrams: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    wordTrigrams: z.boolean(),
    wordBlockWeight: z.number().nonnegative(),
  }),
  temperature: z.number().positive(),
  buckets: z.number().int().nonnegative(),
  weights: z.object({ file: z.literal(WEIGHTS_FILE), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  metrics: metricsSchema,
  provenance: provenanceSchema.optional(),
});

/** model.json: everything but the numbers, which live in weights.bin. */
export type ModelManifest = z.infer<typeof manifestSchema>;

/**
 * weights.bin, little-endian: buckets as int32, then weights (bucket-major) and bias as float32.
 * Binary keeps a 50k-bucket x 11-label model at ~2 MB instead of ~8 MB of JSON numbers.
 */
export function encodeWeights(parts: IntentModelParts): Buffer {
  const { buckets, weights, bias } = parts;
  const buffer = Buffer.alloc(4 * (buckets.length + weights.length + bias.length));
  let offset = 0;
  for (const bucket of buckets) offset = buffer.writeInt32LE(bucket, offset);
  for (const weight of weights) offset = buffer.writeFloatLE(weight, offset);
  for (const b of bias) offset = buffer.writeFloatLE(b, offset);
  return buffer;
}

function decodeWeights(
  buffer: Buffer,
  buckets: number,
  labels: number,
): Pick<IntentModelParts, 'buckets' | 'weights' | 'bias'> {
  const expected = 4 * (buckets + buckets * labels + labels);
  if (buffer.length !== expected) {
    throw new Error(`${WEIGHTS_FILE} has ${buffer.length} bytes, expected ${expected}`);
  }
  const parts = {
    buckets: new Int32Array(buckets),
    weights: new Float32Array(buckets * labels),
    bias: new Float32Array(labels),
  };
  let offset = 0;
  for (let i = 0; i < buckets; i++, offset += 4) parts.buckets[i] = buffer.readInt32LE(offset);
  for (let i = 0; i < parts.weights.length; i++, offset += 4)
    parts.weights[i] = buffer.readFloatLE(offset);
  for (let i = 0; i < labels; i++, offset += 4) parts.bias[i] = buffer.readFloatLE(offset);
  return parts;
}

export function toModelManifest(
  model: IntentModel,
  weightsSha256: string,
  provenance?: TrainingProvenance,
): ModelManifest {
  const { parts } = model;
  return {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    version: model.version,
    labels: [...parts.labels],
    preprocessing: parts.preprocessing,
    features: {
      ...parts.features,
      latinCharGrams: [...parts.features.latinCharGrams],
      japaneseCharGrams: [...parts.features.japaneseCharGrams],
    },
    temperature: parts.temperature,
    buckets: parts.buckets.length,
    weights: { file: WEIGHTS_FILE, sha256: weightsSha256 },
    metrics: { ...model.metrics },
    ...(provenance ? { provenance } : {}),
  };
}

/** Serializes model.json; `format` lets the caller match the repository's JSON style. */
export type JsonFormatter = (json: string) => Promise<string> | string;

/**
 * Writes model.json and weights.bin into `dir` (created if needed). Each file is written to a
 * temporary name and renamed, so a reader never sees half a file.
 */
export async function saveModelArtifact(
  dir: string,
  model: IntentModel,
  provenance?: TrainingProvenance,
  format: JsonFormatter = (json) => json,
): Promise<ModelManifest> {
  await mkdir(dir, { recursive: true });
  const weights = encodeWeights(model.parts);
  const manifest = toModelManifest(model, sha256(weights), provenance);
  await writeAtomically(join(dir, WEIGHTS_FILE), weights);
  await writeAtomically(
    join(dir, MODEL_FILE),
    await format(`${JSON.stringify(manifest, null, 2)}\n`),
  );
  return manifest;
}

export async function writeAtomically(path: string, content: string | Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Reads and validates model.json of a model directory. */
export async function readModelManifest(dir: string): Promise<ModelManifest> {
  const path = join(dir, MODEL_FILE);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read model manifest: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(manifest)'}: ${i.message}`,
    );
    throw new Error(`${path}: invalid model manifest: ${problems.slice(0, 5).join('; ')}`);
  }
  return parsed.data;
}

/**
 * Loads a model directory. The weights must hash to what model.json says and the whole model to
 * its version, so a truncated or hand-edited artifact never runs under the version it claims.
 */
export async function loadModelArtifact(
  dir: string,
  preprocessor: TextPreprocessor = IDENTITY_PREPROCESSOR,
): Promise<IntentModel> {
  const manifest = await readModelManifest(dir);
  const weightsPath = join(dir, manifest.weights.file);
  let buffer: Buffer;
  try {
    buffer = await readFile(weightsPath);
  } catch (error) {
    throw new Error(`${weightsPath}: cannot read weights: ${(error as Error).message}`);
  }
  if (sha256(buffer) !== manifest.weights.sha256) {
    throw new Error(`${weightsPath}: content does not match the sha256 in ${MODEL_FILE}`);
  }
  try {
    const parts: IntentModelParts = {
      labels: manifest.labels,
      preprocessing: manifest.preprocessing,
      features: manifest.features,
      temperature: manifest.temperature,
      ...decodeWeights(buffer, manifest.buckets, manifest.labels.length),
    };
    const version = modelVersion(parts);
    if (version !== manifest.version) {
      throw new Error(`model claims version ${manifest.version} but its content is ${version}`);
    }
    const metrics: ModelMetrics = manifest.metrics;
    return new IntentModel(parts, version, metrics, preprocessor);
  } catch (error) {
    throw new Error(`${dir}: ${(error as Error).message}`);
  }
}
