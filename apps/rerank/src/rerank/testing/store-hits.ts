import { create } from '@bufbuild/protobuf';
import { type Hit, HitSchema } from '@mangaassist/contracts';
import { itemDocument, loadStoreSnapshot, policyDocument } from '@mangaassist/store-data';

export type HitFactory = (id: string, score: number, fieldScores?: Record<string, number>) => Hit;

/**
 * Builds retrieval hits around real records of the sample store, for specs: the reranker is
 * tested on the documents it will see in production, not on hand-made look-alikes.
 */
export async function storeHitFactory(): Promise<HitFactory> {
  const store = await loadStoreSnapshot();
  const documents = new Map([
    ...store.items.map((item) => [item.id, itemDocument(item)] as const),
    ...store.policies.map((policy) => [policy.id, policyDocument(policy)] as const),
  ]);
  return (id, score, fieldScores = {}) => {
    const document = documents.get(id);
    if (!document) throw new Error(`no record ${id} in the sample store`);
    return create(HitSchema, { id, score, document, fieldScores });
  };
}
