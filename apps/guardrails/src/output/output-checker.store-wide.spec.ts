import type { CatalogItem } from '@mangaassist/contracts';
import {
  itemDocument,
  loadStoreSnapshot,
  policyDocument,
  type StoreSnapshot,
} from '@mangaassist/store-data';
import { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import { PiiScanner } from '../pii/pii-scanner';
import { checkedAnswer } from './answer-text';
import { OutputChecker } from './output-checker';

function answerJa(item: CatalogItem): string {
  const price = item.priceJpy?.print ?? item.priceJpy?.kindle;
  const next = item.nextVolume
    ? `次の第${item.nextVolume.number}巻は${item.nextVolume.releaseDate}発売予定です。`
    : '';
  const authors = item.authors.map((a) => a.nameJa).join('、');
  return `${item.titleJa}（${authors}）は${item.startYear}年に始まり、${item.volumesPublished}巻まで発売されています。1冊${price}円です。${next}${item.synopsisJa}`;
}

function answerEn(item: CatalogItem): string {
  const price = item.priceJpy?.print ?? item.priceJpy?.kindle;
  const next = item.nextVolume
    ? ` Volume ${item.nextVolume.number} comes out on ${item.nextVolume.releaseDate}.`
    : '';
  const authors = item.authors.map((a) => a.nameEn).join(' and ');
  return `${item.titleEn} by ${authors} started in ${item.startYear} and has ${item.volumesPublished} volumes; each costs ${price} yen.${next} ${item.synopsisEn}`;
}

/** Answers made only of a record's own facts must pass for every record of the store. */
describe('OutputChecker over the whole sample store', () => {
  let store: StoreSnapshot;
  let checker: OutputChecker;

  beforeAll(async () => {
    store = await loadStoreSnapshot();
    const vocabulary = CatalogVocabulary.fromItems(store.items);
    checker = new OutputChecker(() => vocabulary, PiiScanner.withDefaultDetectors(vocabulary), {
      warnBelow: 0.7,
      blockBelow: 0.5,
    });
  });

  it('allows every policy body (ja and en) as an answer citing that policy', () => {
    const flagged = store.policies.flatMap((policy) =>
      [policy.bodyJa, policy.bodyEn]
        .map((body) => ({
          id: policy.id,
          ...checker.check(checkedAnswer(body), [policyDocument(policy)]),
        }))
        .filter((r) => r.reasons.length > 0 || r.groundingScore < 1),
    );
    expect(flagged).toEqual([]);
  });

  it('allows answers built from each catalog item (ja and en) citing that item', () => {
    const flagged = store.items.flatMap((item) =>
      [answerJa(item), answerEn(item)]
        .map((answer) => ({
          id: item.id,
          ...checker.check(checkedAnswer(answer), [itemDocument(item)]),
        }))
        .filter((r) => r.reasons.length > 0 || r.groundingScore < 1),
    );
    expect(flagged).toEqual([]);
  });

  it('flags the same answers when they cite a different series', () => {
    const [onePiece, naruto] = ['MA-0001', 'MA-0002'].map((id) =>
      store.items.find((i) => i.id === id),
    );
    if (!onePiece || !naruto) throw new Error('sample store is missing MA-0001 or MA-0002');
    for (const answer of [answerJa(onePiece), answerEn(onePiece)]) {
      const result = checker.check(checkedAnswer(answer), [itemDocument(naruto)]);
      expect(result.reasons).toEqual(['output.ungrounded']);
    }
  });
});
