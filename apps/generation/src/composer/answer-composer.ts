import { type CatalogItem, Intent, type Policy, Route } from '@mangaassist/contracts';
import type { ComposedAnswer } from './composed-answer';
import type { ComposeInput } from './compose-input';
import { composeClarify, composeGreeting, composeOutOfScope } from './conversation.composer';
import { composeNoCatalogMatch, composeNoPolicyMatch } from './no-evidence.composer';
import { composeOrderStatus } from './order-status.composer';
import { composePolicyAnswer } from './policy-answer.composer';
import { ProductAnswerComposer } from './product-answer.composer';
import { composeProductSearch } from './product-search.composer';

/**
 * Picks the composer for a turn: a clarify route always asks, otherwise the intent decides.
 * Catalog intents fall back to policies when only policies came back (a preorder-rules
 * question), and to a safe "not found" answer when nothing did.
 */
export function composeAnswer(input: ComposeInput): ComposedAnswer {
  const items = input.evidence.flatMap((d) => (d.content.case === 'item' ? [d.content.value] : []));
  const policies = input.evidence.flatMap((d) =>
    d.content.case === 'policy' ? [d.content.value] : [],
  );
  if (input.route === Route.CLARIFY) return composeClarify(input, items);

  switch (input.intent) {
    case Intent.GREETING_CHITCHAT:
      return composeGreeting(input);
    case Intent.OUT_OF_SCOPE:
      return composeOutOfScope(input);
    case Intent.ORDER_STATUS:
      return composeOrderStatus(input);
    case Intent.RETURN_REFUND:
    case Intent.SHIPPING_DELIVERY:
    case Intent.ACCOUNT_PAYMENT:
    case Intent.HUMAN_HANDOFF:
      return policies.length > 0
        ? composePolicyAnswer(input, policies)
        : composeNoPolicyMatch(input);
    case Intent.PRODUCT_SEARCH:
      return catalogAnswer(input, items, policies, () => composeProductSearch(input, items));
    default:
      return catalogAnswer(input, items, policies, () =>
        new ProductAnswerComposer(input, items).compose(),
      );
  }
}

function catalogAnswer(
  input: ComposeInput,
  items: readonly CatalogItem[],
  policies: readonly Policy[],
  fromItems: () => ComposedAnswer,
): ComposedAnswer {
  if (items.length > 0) return fromItems();
  if (policies.length > 0) return composePolicyAnswer(input, policies);
  return composeNoCatalogMatch(input);
}
