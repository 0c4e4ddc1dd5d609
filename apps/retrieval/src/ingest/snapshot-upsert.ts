import { existsSync } from 'node:fs';
import {
  type CatalogRecord,
  type PolicyRecord,
  itemDocument,
  policyDocument,
  toCatalogItem,
  toPolicy,
} from '@mangaassist/store-data';
import type { Embedder } from '../retrieval/embeddings/embedder';
import { embeddingText } from '../retrieval/embeddings/embedding-text';
import type { UpsertResult } from '../retrieval/search-index';
import { type SnapshotContents, readSnapshot, writeSnapshot } from './retrieval-snapshot';

export interface SnapshotUpsert {
  result: UpsertResult;
  items: number;
  policies: number;
  /** Documents embedded in this run (0 without an embedder). */
  embedded: number;
  sha256: string;
  bytes: number;
  /** Bad lines found in the snapshot that was there before (skipped, as the service would). */
  previousBadLines: number;
}

const EMBED_BATCH = 32;

/**
 * Upserts validated records into the snapshot file by id: new ids are added, changed records
 * replace the old ones, identical ones are counted unchanged, everything else stays. With
 * `replace` the file is rebuilt from these records alone. With an embedder, records that are
 * new, changed or lack a vector of that model are embedded; others keep their vectors.
 */
export async function upsertSnapshot(
  path: string,
  records: { items: readonly CatalogRecord[]; policies: readonly PolicyRecord[] },
  options: { replace?: boolean; embedder?: Embedder | null } = {},
): Promise<SnapshotUpsert> {
  let before: SnapshotContents = { items: [], policies: [], vectors: new Map() };
  let previousBadLines = 0;
  if (!options.replace && existsSync(path)) {
    const read = await readSnapshot(path);
    before = read.contents;
    previousBadLines = read.errors.length;
  }
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  const changed = new Set<string>();
  const merge = <T extends { id: string }>(old: readonly T[], incoming: readonly T[]): T[] => {
    const byId = new Map(old.map((r) => [r.id, r]));
    for (const record of incoming) {
      const previous = byId.get(record.id);
      if (!previous) result.inserted += 1;
      else if (JSON.stringify(previous) === JSON.stringify(record)) result.unchanged += 1;
      else result.updated += 1;
      if (!previous || JSON.stringify(previous) !== JSON.stringify(record)) changed.add(record.id);
      byId.set(record.id, record);
    }
    return [...byId.values()];
  };
  const items = merge(before.items, records.items);
  const policies = merge(before.policies, records.policies);

  const embedder = options.embedder ?? undefined;
  const vectors = new Map<string, Float32Array>();
  let embedded = 0;
  if (!embedder) {
    // Without an embedder, unchanged records keep the vectors they had; changed ones lose them
    // (the service embeds what lacks a vector when it starts with an embedder).
    for (const [id, vector] of before.vectors) if (!changed.has(id)) vectors.set(id, vector);
  } else {
    const keep = before.embeddingModel === embedder.modelId ? before.vectors : new Map();
    const todo: { id: string; text: string }[] = [];
    for (const record of items) {
      const vector = keep.get(record.id);
      if (vector && !changed.has(record.id)) vectors.set(record.id, vector);
      else todo.push({ id: record.id, text: embeddingText(itemDocument(toCatalogItem(record))) });
    }
    for (const record of policies) {
      const vector = keep.get(record.id);
      if (vector && !changed.has(record.id)) vectors.set(record.id, vector);
      else todo.push({ id: record.id, text: embeddingText(policyDocument(toPolicy(record))) });
    }
    for (let i = 0; i < todo.length; i += EMBED_BATCH) {
      const batch = todo.slice(i, i + EMBED_BATCH);
      const out = await embedder.embed(
        batch.map((t) => t.text),
        'document',
      );
      batch.forEach((t, j) => vectors.set(t.id, out[j]));
      embedded += batch.length;
    }
  }
  const written = await writeSnapshot(path, {
    items,
    policies,
    vectors,
    embeddingModel: embedder?.modelId ?? before.embeddingModel,
  });
  return {
    result,
    items: items.length,
    policies: policies.length,
    embedded,
    previousBadLines,
    ...written,
  };
}
