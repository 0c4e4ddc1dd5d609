import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import {
  type CatalogRecord,
  type LineError,
  type PolicyRecord,
  catalogRecordSchema,
  policyRecordSchema,
} from '@mangaassist/store-data';
import { z } from 'zod';

export const SNAPSHOT_FORMAT = 'mangaassist.retrieval.snapshot/v1';

/** The validated store the service serves from: every record, ids unique, optional vectors. */
export interface SnapshotContents {
  items: CatalogRecord[];
  policies: PolicyRecord[];
  /** Embeddings by document id, all from `embeddingModel`. */
  vectors: Map<string, Float32Array>;
  embeddingModel?: string;
}

const headerSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  items: z.number().int().min(0),
  policies: z.number().int().min(0),
  embedding_model: z.string().min(1).nullable(),
  content_sha256: z.string(),
});

const lineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item'), record: catalogRecordSchema, vector: z.string().optional() }),
  z.object({
    kind: z.literal('policy'),
    record: policyRecordSchema,
    vector: z.string().optional(),
  }),
]);

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

/**
 * Writes the snapshot as JSONL (a header line, then one record per line, items then policies,
 * each sorted by id), to a temporary file renamed over the target so a reader never sees half a
 * file. The same contents always give the same bytes: a repeated ingest leaves it unchanged.
 */
export async function writeSnapshot(
  path: string,
  contents: SnapshotContents,
): Promise<{ sha256: string; bytes: number }> {
  const items = [...contents.items].sort((a, b) => compare(a.id, b.id));
  const policies = [...contents.policies].sort((a, b) => compare(a.id, b.id));
  const lines = [
    ...items.map((record) => line('item', record, contents.vectors.get(record.id))),
    ...policies.map((record) => line('policy', record, contents.vectors.get(record.id))),
  ];
  const sha256 = createHash('sha256');
  for (const text of lines) sha256.update(text).update('\n');
  const digest = sha256.digest('hex');
  const header = JSON.stringify({
    format: SNAPSHOT_FORMAT,
    items: items.length,
    policies: policies.length,
    embedding_model: contents.vectors.size > 0 ? (contents.embeddingModel ?? null) : null,
    content_sha256: digest,
  });
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w');
  let bytes = 0;
  try {
    for (const text of [header, ...lines]) {
      const { bytesWritten } = await file.write(`${text}\n`);
      bytes += bytesWritten;
    }
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  return { sha256: digest, bytes };
}

function line(kind: 'item' | 'policy', record: object, vector: Float32Array | undefined): string {
  return JSON.stringify(vector ? { kind, record, vector: encodeVector(vector) } : { kind, record });
}

/**
 * Reads a snapshot written by writeSnapshot, validating every line with the store's record
 * schemas; a bad line is reported with its number and skipped, as the data files are. A missing
 * file or a bad header is an error: the service must not start on the wrong data.
 */
export async function readSnapshot(
  path: string,
): Promise<{ contents: SnapshotContents; errors: LineError[] }> {
  const contents: SnapshotContents = { items: [], policies: [], vectors: new Map() };
  const errors: LineError[] = [];
  const seen = new Set<string>();
  let lineNumber = 0;
  let headerSeen = false;
  let lines: AsyncIterable<string>;
  try {
    lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const text of lines) {
      lineNumber += 1;
      if (!headerSeen) {
        const header = headerSchema.safeParse(parseJson(text));
        if (!header.success) {
          throw new SnapshotError(
            `${path}: not a retrieval snapshot (first line must be a ${SNAPSHOT_FORMAT} header)`,
          );
        }
        contents.embeddingModel = header.data.embedding_model ?? undefined;
        headerSeen = true;
        continue;
      }
      if (text.trim() === '') continue;
      const parsed = lineSchema.safeParse(parseJson(text));
      if (!parsed.success) {
        errors.push({
          line: lineNumber,
          reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        });
        continue;
      }
      const { kind, record, vector } = parsed.data;
      if (seen.has(record.id)) {
        errors.push({ line: lineNumber, reason: `duplicate id ${record.id}` });
        continue;
      }
      seen.add(record.id);
      if (kind === 'item') contents.items.push(record);
      else contents.policies.push(record);
      if (vector) contents.vectors.set(record.id, decodeVector(vector));
    }
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(`${path}: cannot read snapshot: ${(error as Error).message}`);
  }
  if (!headerSeen) throw new SnapshotError(`${path}: empty file, not a retrieval snapshot`);
  return { contents, errors };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Float32 little-endian, base64: a 512-dimension vector is 2.7 KB of text instead of ~10 KB. */
export function encodeVector(vector: Float32Array): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, i) => bytes.writeFloatLE(value, i * 4));
  return bytes.toString('base64');
}

export function decodeVector(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const vector = new Float32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < vector.length; i++) vector[i] = bytes.readFloatLE(i * 4);
  return vector;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
