import { toBinary } from '@bufbuild/protobuf';
import { DocumentSchema, IntentSchema, enumValueName } from '@mangaassist/contracts';
import { normalizeText } from '@mangaassist/text';
import { createHash } from 'node:crypto';
import { refersBack } from '../composer/focus-item';
import type { AnswerRequest } from '../generation/answer-provider';

/**
 * The question as the cache compares it: NFKC, lowercase, punctuation and spacing dropped, so
 * "How many volumes of One Piece?" and "how many volumes of one piece" share an answer. Digits
 * and letters stay, so "vol 5" and "vol 6" never do.
 */
export function normalizeQuestion(question: string): string {
  return (
    normalizeText(question)
      .toLowerCase()
      .replace(/[\p{P}\p{S}]+/gu, ' ')
      .replace(/\s+/gu, ' ')
      // Japanese has no word spaces: "ONE PIECE は 何巻" and "ONE PIECEは何巻" are one question.
      .replace(/ (?=[^\p{ASCII}])|(?<=[^\p{ASCII}]) /gu, '')
      .trim()
  );
}

export interface CacheKeyContext {
  /** The model the turn is planned for (the first in its chain) or local-composer. */
  modelId: string;
  promptVersion: string;
}

/**
 * The cache key of a turn: normalized question, locale, intent and route, entities, the
 * evidence ids in order with a digest of their content (a changed price or date is a
 * different key, so no stale fact outlives a catalog update), the sign-in state (order
 * answers differ), the prompt version and the model. History is part of the key only when the
 * question points back at it ("it / それ"); otherwise the answer does not depend on it.
 */
export function answerCacheKey(request: AnswerRequest, context: CacheKeyContext): string {
  const evidence = createHash('sha256');
  for (const document of request.evidence) evidence.update(toBinary(DocumentSchema, document));
  const entities = request.entities;
  const parts = {
    q: normalizeQuestion(request.question),
    locale: request.locale,
    intent: enumValueName(IntentSchema, request.intent),
    route: request.route,
    entities: entities
      ? {
          titles: entities.titleIds,
          volume: entities.volume,
          format: entities.format,
          maxPrice: entities.maxPriceJpy,
          order: entities.orderId,
        }
      : null,
    ids: request.evidence.map((d) => (d.content.case === undefined ? '' : d.content.value.id)),
    evidence: evidence.digest('base64url'),
    signedIn: request.signedIn,
    history: refersBack(request.question)
      ? request.history.map((turn) => `${turn.role}:${turn.text}`)
      : [],
    prompt: context.promptVersion,
    model: context.modelId,
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
