import { type GenerateRequest, Intent, Locale, Route } from '@mangaassist/contracts';
import { invalidArgument } from '@mangaassist/grpc';
import { type LocaleCode, detectLocale, normalizeText } from '@mangaassist/text';
import type { AnswerRequest } from './answer-provider';

export const MAX_QUESTION_CHARS = 2000;
export const MAX_EVIDENCE = 20;
/** History beyond this many recent turns is ignored: only "it / それ" is resolved from it. */
export const HISTORY_TURNS_USED = 6;

/**
 * Checks a Generate request and turns it into what a provider gets: locale resolved, intent
 * and route defaulted, history trimmed. Throws INVALID_ARGUMENT naming the field at fault.
 */
export function toAnswerRequest(request: GenerateRequest): AnswerRequest {
  const question = request.question;
  if (normalizeText(question) === '') throw invalidArgument('question: must not be empty');
  const length = Array.from(question).length;
  if (length > MAX_QUESTION_CHARS) {
    throw invalidArgument(
      `question: must be at most ${MAX_QUESTION_CHARS} characters (got ${length})`,
    );
  }
  if (request.evidence.length > MAX_EVIDENCE) {
    throw invalidArgument(
      `evidence: at most ${MAX_EVIDENCE} documents (got ${request.evidence.length})`,
    );
  }
  request.evidence.forEach((document, index) => {
    if (document.content.case === undefined || !document.content.value.id) {
      throw invalidArgument(`evidence[${index}]: must be a catalog item or a policy with an id`);
    }
  });
  return {
    question,
    locale: resolveLocale(request.locale, question),
    intent: request.intent === Intent.UNSPECIFIED ? Intent.PRODUCT_QUESTION : request.intent,
    route: request.route === Route.UNSPECIFIED ? Route.RAG : request.route,
    entities: request.entities,
    evidence: request.evidence,
    history: request.history.slice(-HISTORY_TURNS_USED),
    signedIn: request.signedIn,
    traceId: request.traceId,
  };
}

export function resolveLocale(locale: Locale, question: string): LocaleCode {
  if (locale === Locale.JA) return 'ja';
  if (locale === Locale.EN) return 'en';
  return detectLocale(normalizeText(question));
}
