import { Intent, Route } from '@mangaassist/contracts';
import { chooseRoute } from './routing';

const MIN = 0.45;
const confident = (intent: Intent) =>
  chooseRoute({ intent, confidence: 0.9, titleRecognised: false }, MIN);

describe('chooseRoute', () => {
  it('sends product intents to RAG', () => {
    expect(confident(Intent.PRODUCT_SEARCH)).toBe(Route.RAG);
    expect(confident(Intent.PRODUCT_QUESTION)).toBe(Route.RAG);
  });

  it('sends catalog and order lookups to the API', () => {
    expect(confident(Intent.AVAILABILITY_PRICE)).toBe(Route.API);
    expect(confident(Intent.RELEASE_PREORDER)).toBe(Route.API);
    expect(confident(Intent.ORDER_STATUS)).toBe(Route.API);
  });

  it('answers policies, handoff, chitchat and out-of-scope from templates', () => {
    for (const intent of [
      Intent.RETURN_REFUND,
      Intent.SHIPPING_DELIVERY,
      Intent.ACCOUNT_PAYMENT,
      Intent.HUMAN_HANDOFF,
      Intent.GREETING_CHITCHAT,
      Intent.OUT_OF_SCOPE,
    ]) {
      expect(confident(intent)).toBe(Route.TEMPLATE);
    }
  });

  it('falls back below the confidence floor: LLM with a known title, else CLARIFY', () => {
    expect(
      chooseRoute(
        { intent: Intent.AVAILABILITY_PRICE, confidence: 0.3, titleRecognised: true },
        MIN,
      ),
    ).toBe(Route.LLM);
    expect(
      chooseRoute(
        { intent: Intent.AVAILABILITY_PRICE, confidence: 0.3, titleRecognised: false },
        MIN,
      ),
    ).toBe(Route.CLARIFY);
    expect(
      chooseRoute({ intent: Intent.RETURN_REFUND, confidence: 0.44, titleRecognised: false }, MIN),
    ).toBe(Route.CLARIFY);
  });

  it('treats the floor itself as confident enough', () => {
    expect(
      chooseRoute({ intent: Intent.ORDER_STATUS, confidence: MIN, titleRecognised: false }, MIN),
    ).toBe(Route.API);
  });
});
