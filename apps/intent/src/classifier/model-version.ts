import { createHash } from 'node:crypto';
import type { IntentModelParts } from './intent-model';

/**
 * A content hash of everything that affects predictions, so the same data, options and seed
 * always give the same version and any retrained model that predicts differently gets a new one.
 */
export function modelVersion(parts: IntentModelParts): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      labels: parts.labels,
      preprocessing: parts.preprocessing,
      features: parts.features,
      t: parts.temperature,
    }),
  );
  for (const array of [parts.buckets, parts.weights, parts.bias]) {
    hash.update(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
  }
  return `intent-softmax-${hash.digest('hex').slice(0, 12)}`;
}
