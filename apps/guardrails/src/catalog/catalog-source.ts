import type { CatalogItem } from '@mangaassist/contracts';

/** Where the catalog comes from: the JSONL snapshot by default, a catalog service later. */
export interface CatalogSource {
  loadItems(): Promise<CatalogItem[]>;
}

export const CATALOG_SOURCE = Symbol('CATALOG_SOURCE');
