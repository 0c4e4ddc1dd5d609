import type { CatalogItem, Policy } from '@mangaassist/contracts';
import { fromRepoRoot } from '@mangaassist/config';
import { loadJsonlFile, type LineError } from './jsonl-loader';
import { catalogRecordSchema, policyRecordSchema } from './records';
import { toCatalogItem, toPolicy } from './to-documents';

export const DEFAULT_CATALOG_PATH = 'data/catalog/catalog.jsonl';
export const DEFAULT_POLICIES_PATH = 'data/store/policies.jsonl';

/** The store's truth loaded into memory: every valid catalog item and policy. */
export interface StoreSnapshot {
  items: CatalogItem[];
  policies: Policy[];
  /** Bad lines, by file, so a service can log them and a CLI can print them. */
  errors: { file: string; errors: LineError[] }[];
}

export interface StorePaths {
  catalogPath?: string;
  policiesPath?: string;
}

export async function loadStoreSnapshot(paths: StorePaths = {}): Promise<StoreSnapshot> {
  const catalogPath = paths.catalogPath ?? fromRepoRoot(DEFAULT_CATALOG_PATH);
  const policiesPath = paths.policiesPath ?? fromRepoRoot(DEFAULT_POLICIES_PATH);
  const [catalog, policies] = await Promise.all([
    loadJsonlFile(catalogPath, catalogRecordSchema),
    loadJsonlFile(policiesPath, policyRecordSchema),
  ]);
  const errors = [
    { file: catalogPath, errors: catalog.errors },
    { file: policiesPath, errors: policies.errors },
    { file: catalogPath, errors: duplicateIds(catalog.records.map((r) => r.id)) },
  ].filter((e) => e.errors.length > 0);
  return {
    items: catalog.records.map(toCatalogItem),
    policies: policies.records.map(toPolicy),
    errors,
  };
}

function duplicateIds(ids: string[]): LineError[] {
  const seen = new Map<string, number>();
  const errors: LineError[] = [];
  ids.forEach((id, index) => {
    const first = seen.get(id);
    if (first !== undefined)
      errors.push({ line: index + 1, reason: `duplicate id ${id} (first at record ${first})` });
    else seen.set(id, index + 1);
  });
  return errors;
}
