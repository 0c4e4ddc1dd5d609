import { loadStoreSnapshot } from '@mangaassist/store-data';
import { checkedText } from '../text/checked-text';
import { InputChecker } from './input-checker';
import { readMessage } from './message-readings';

/** Titles, aliases, synopses and policies pasted by a shopper must never look like an attack. */
describe('InputChecker over the whole sample store', () => {
  it('finds no injection, abuse, threat or data request in catalog and policy text', async () => {
    const store = await loadStoreSnapshot();
    const texts = [
      ...store.items.flatMap((i) => [
        i.titleJa,
        i.titleEn,
        i.synopsisJa,
        i.synopsisEn,
        ...i.aliases,
        `${i.titleJa}の${i.volumesPublished}巻はありますか`,
        `Is ${i.titleEn} vol ${i.volumesPublished} in stock?`,
      ]),
      ...store.policies.flatMap((p) => [p.titleJa, p.titleEn, p.bodyJa, p.bodyEn]),
    ];
    const checker = new InputChecker();
    const flagged = texts
      .map((text) => ({ text, reasons: checker.check(readMessage(checkedText(text))) }))
      .filter((r) => r.reasons.length > 0);
    expect(flagged).toEqual([]);
  });
});
