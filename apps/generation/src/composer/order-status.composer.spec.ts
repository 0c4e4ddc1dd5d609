import { create } from '@bufbuild/protobuf';
import { EntitiesSchema, Intent } from '@mangaassist/contracts';
import { composeInput } from '../testing/store.fixtures';
import { composeOrderStatus } from './order-status.composer';

describe('composeOrderStatus', () => {
  const orderId = '250-1234567-1234567';

  it('asks a signed-out shopper to sign in (ja, en)', () => {
    const ja = composeOrderStatus(
      composeInput({ question: '注文はいつ届く？', locale: 'ja', intent: Intent.ORDER_STATUS }),
    );
    expect(ja.text).toContain('ログインしてください');
    const en = composeOrderStatus(
      composeInput({ question: 'Where is my order?', locale: 'en', intent: Intent.ORDER_STATUS }),
    );
    expect(en.text).toContain('please sign in');
  });

  it('points a signed-in shopper to the order history without inventing details', () => {
    const entities = create(EntitiesSchema, { orderId });
    const ja = composeOrderStatus(
      composeInput({
        question: `注文${orderId}はどうなってる？`,
        locale: 'ja',
        signedIn: true,
        entities,
      }),
    );
    expect(ja.text).toContain('照会ができません');
    expect(ja.text).toContain('注文履歴');
    const en = composeOrderStatus(
      composeInput({
        question: `Where is order ${orderId}?`,
        locale: 'en',
        signedIn: true,
        entities,
      }),
    );
    expect(en.text).toContain("can't look up orders in this assistant yet");
    expect(en.text).toContain('Order History page');
    for (const text of [ja.text, en.text]) {
      expect(text).not.toMatch(/\d/);
      expect(text).not.toContain(orderId);
    }
  });
});
