import type { CatalogItem, Document, Policy } from '@mangaassist/contracts';
import { Intent, Route } from '@mangaassist/contracts';
import {
  type StoreSnapshot,
  itemDocument,
  loadStoreSnapshot,
  policyDocument,
} from '@mangaassist/store-data';
import type { ComposeInput } from '../composer/compose-input';

/** The shipped sample store (data/), loaded once per test file. */
export interface StoreFixtures {
  snapshot: StoreSnapshot;
  item(id: string): CatalogItem;
  policy(id: string): Policy;
  /** Evidence documents by id: MA-xxxx items and POL-xxx policies, in the given order. */
  docs(...ids: string[]): Document[];
}

let loading: Promise<StoreSnapshot> | undefined;

export async function storeFixtures(): Promise<StoreFixtures> {
  loading ??= loadStoreSnapshot();
  const snapshot = await loading;
  const item = (id: string): CatalogItem => {
    const found = snapshot.items.find((i) => i.id === id);
    if (!found) throw new Error(`no catalog item ${id} in data/catalog/catalog.jsonl`);
    return found;
  };
  const policy = (id: string): Policy => {
    const found = snapshot.policies.find((p) => p.id === id);
    if (!found) throw new Error(`no policy ${id} in data/store/policies.jsonl`);
    return found;
  };
  return {
    snapshot,
    item,
    policy,
    docs: (...ids) =>
      ids.map((id) =>
        id.startsWith('POL-') ? policyDocument(policy(id)) : itemDocument(item(id)),
      ),
  };
}

/** A compose input with the defaults a plain RAG product question has. */
export function composeInput(
  fields: Partial<ComposeInput> & Pick<ComposeInput, 'question' | 'locale'>,
): ComposeInput {
  return {
    intent: Intent.PRODUCT_QUESTION,
    route: Route.RAG,
    entities: undefined,
    evidence: [],
    history: [],
    signedIn: false,
    ...fields,
  };
}
