/** Removes personal data from a shopper's comment before it is stored anywhere. */
export interface CommentRedactor {
  /** The comment with every PII span replaced; rejects when redaction could not be done. */
  redact(comment: string, context?: RedactionContext): Promise<string>;
}

export interface RedactionContext {
  /** W3C trace context of the Submit call, so the redaction shows up in the same trace. */
  traceparent?: string;
}

export const COMMENT_REDACTOR = Symbol('COMMENT_REDACTOR');
