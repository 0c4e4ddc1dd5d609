import type { CatalogItem } from '@mangaassist/contracts';
import { loadStoreSnapshot } from '@mangaassist/store-data';
import { Logger } from '@nestjs/common';
import type { CatalogSource } from '../catalog-source';

/** Reads data/catalog/catalog.jsonl (and the policies file the snapshot loader requires). */
export class StoreSnapshotCatalogSource implements CatalogSource {
  private readonly logger = new Logger(StoreSnapshotCatalogSource.name);

  constructor(
    private readonly catalogPath: string,
    private readonly policiesPath: string,
  ) {}

  async loadItems(): Promise<CatalogItem[]> {
    const snapshot = await loadStoreSnapshot({
      catalogPath: this.catalogPath,
      policiesPath: this.policiesPath,
    });
    for (const { file, errors } of snapshot.errors) {
      // Bad lines are skipped, not fatal: one broken record must not take the guardrails down.
      this.logger.warn(
        `${file}: ${errors.length} bad line(s), first: line ${errors[0].line} ${errors[0].reason}`,
      );
    }
    if (snapshot.items.length === 0) throw new Error(`no catalog items in ${this.catalogPath}`);
    return snapshot.items;
  }
}
