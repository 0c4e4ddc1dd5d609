/** CheckInput texts above this are refused outright, so the work per call stays bounded. */
export const MAX_INPUT_CHARS = 20_000;
/** CheckInput texts above this (normalized) are answered with BLOCK input.too_long. */
export const INPUT_BLOCK_ABOVE_CHARS = 2_000;
export const MAX_ANSWER_CHARS = 20_000;
export const MAX_QUESTION_CHARS = 20_000;
export const MAX_EVIDENCE_DOCUMENTS = 50;
export const MAX_REDACT_CHARS = 100_000;
