import { AnswerBuilder, type ComposedAnswer } from './composed-answer';
import type { ComposeInput } from './compose-input';

/**
 * Order questions. This service has no order records, so it never states an order's details:
 * a signed-out shopper is asked to sign in, a signed-in one is pointed to the order history.
 */
export function composeOrderStatus(input: ComposeInput): ComposedAnswer {
  const { locale } = input;
  const builder = new AnswerBuilder(locale);
  if (!input.signedIn) {
    return builder
      .say(
        locale === 'ja'
          ? 'ご注文の状況を確認するには、ログインしてください。'
          : 'To check on your order, please sign in first.',
        locale === 'ja'
          ? 'ログイン後、注文履歴から配送状況をご確認いただけます。'
          : 'Once you are signed in, you can follow it from your order history.',
      )
      .build();
  }
  const hasOrderId = (input.entities?.orderId ?? '').trim() !== '';
  return builder
    .say(
      locale === 'ja'
        ? hasOrderId
          ? '申し訳ありません、このアシスタントではまだご注文の照会ができません。'
          : '申し訳ありません、このアシスタントではまだご注文の状況をお調べできません。'
        : hasOrderId
          ? "Sorry, I can't look up orders in this assistant yet."
          : "Sorry, I can't check order status in this assistant yet.",
      locale === 'ja'
        ? '注文履歴のページで、ご注文の状況と配送状況をご確認ください。'
        : 'Please open the Order History page to see the status and tracking of your order.',
    )
    .build();
}
