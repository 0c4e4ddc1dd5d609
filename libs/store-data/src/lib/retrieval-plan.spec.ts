import { create } from '@bufbuild/protobuf';
import { DocumentKind, EntitiesSchema, Intent, Route } from '@mangaassist/contracts';
import { planRetrieval } from './retrieval-plan';

describe('planRetrieval', () => {
  it('reads policies of the right topic for template intents', () => {
    expect(planRetrieval(Intent.SHIPPING_DELIVERY, Route.TEMPLATE, undefined)).toMatchObject({
      kind: DocumentKind.POLICY,
      policyTopics: ['shipping'],
    });
    expect(planRetrieval(Intent.RETURN_REFUND, Route.TEMPLATE, undefined)).toMatchObject({
      kind: DocumentKind.POLICY,
      policyTopics: ['returns'],
    });
  });
  it('reads the catalog for api and rag intents', () => {
    expect(planRetrieval(Intent.AVAILABILITY_PRICE, Route.API, undefined)?.kind).toBe(
      DocumentKind.ITEM,
    );
    expect(planRetrieval(Intent.PRODUCT_QUESTION, Route.RAG, undefined)?.kind).toBe(
      DocumentKind.UNSPECIFIED,
    );
  });
  it('skips retrieval for greetings, out of scope and orders', () => {
    expect(planRetrieval(Intent.GREETING_CHITCHAT, Route.TEMPLATE, undefined)).toBeUndefined();
    expect(planRetrieval(Intent.OUT_OF_SCOPE, Route.TEMPLATE, undefined)).toBeUndefined();
    expect(planRetrieval(Intent.ORDER_STATUS, Route.API, undefined)).toBeUndefined();
  });
  it('looks up candidate titles for a clarifying question only when a title was recognised', () => {
    expect(
      planRetrieval(Intent.PRODUCT_QUESTION, Route.CLARIFY, create(EntitiesSchema, {})),
    ).toBeUndefined();
    expect(
      planRetrieval(
        Intent.PRODUCT_QUESTION,
        Route.CLARIFY,
        create(EntitiesSchema, { titleIds: ['MA-0001'] }),
      )?.kind,
    ).toBe(DocumentKind.ITEM);
  });
});
