import { DocumentKind, Intent, Route, type Entities } from '@mangaassist/contracts';

/** What a turn retrieves before generation; `undefined` skips retrieval altogether. */
export interface RetrievalPlan {
  kind: DocumentKind;
  policyTopics: string[];
  topK: number;
  /** How many reranked documents become evidence. */
  evidence: number;
}

const POLICY_TOPICS: Partial<Record<Intent, string[]>> = {
  [Intent.RETURN_REFUND]: ['returns'],
  [Intent.SHIPPING_DELIVERY]: ['shipping'],
  [Intent.ACCOUNT_PAYMENT]: ['payment', 'points', 'account', 'gift', 'ebook', 'privacy'],
  [Intent.HUMAN_HANDOFF]: ['store_info'],
};

/**
 * The retrieval each intent needs (DESIGN.md "The path of one chat turn"): template intents
 * read store policies, api and rag intents read the catalog, and greetings, out-of-scope and
 * order questions need no search at all. The gateway plans every turn with it; the retrieval
 * eval suite and the reranker's training measure the same requests.
 */
export function planRetrieval(
  intent: Intent,
  route: Route,
  entities: Entities | undefined,
): RetrievalPlan | undefined {
  if (route === Route.CLARIFY) {
    return entities && entities.titleIds.length > 0
      ? { kind: DocumentKind.ITEM, policyTopics: [], topK: 10, evidence: 3 }
      : undefined;
  }
  if (route === Route.LLM)
    return { kind: DocumentKind.UNSPECIFIED, policyTopics: [], topK: 20, evidence: 5 };
  switch (intent) {
    case Intent.PRODUCT_SEARCH:
      return { kind: DocumentKind.ITEM, policyTopics: [], topK: 30, evidence: 5 };
    case Intent.PRODUCT_QUESTION:
      return { kind: DocumentKind.UNSPECIFIED, policyTopics: [], topK: 20, evidence: 5 };
    case Intent.AVAILABILITY_PRICE:
    case Intent.RELEASE_PREORDER:
      return { kind: DocumentKind.ITEM, policyTopics: [], topK: 20, evidence: 3 };
    case Intent.RETURN_REFUND:
    case Intent.SHIPPING_DELIVERY:
    case Intent.ACCOUNT_PAYMENT:
    case Intent.HUMAN_HANDOFF:
      return {
        kind: DocumentKind.POLICY,
        policyTopics: POLICY_TOPICS[intent] ?? [],
        topK: 10,
        evidence: 3,
      };
    default:
      return undefined;
  }
}

/**
 * The plan for an intent on its usual route, for tools that replay labelled questions: what
 * the gateway would retrieve, or the LLM-route plan (both kinds, top 20) for an intent that
 * retrieves nothing or is unknown.
 */
export function planForIntent(intent: Intent): RetrievalPlan {
  return (
    planRetrieval(intent, Route.UNSPECIFIED, undefined) ??
    (planRetrieval(Intent.UNSPECIFIED, Route.LLM, undefined) as RetrievalPlan)
  );
}
