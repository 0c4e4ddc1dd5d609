/** The placeholders a prompt template may use, and what the builder fills them with. */
export const PROMPT_PLACEHOLDERS = [
  'store_name',
  'answer_language',
  'intent',
  'evidence',
  'history',
  'question',
] as const;

export type PromptPlaceholder = (typeof PROMPT_PLACEHOLDERS)[number];

export type PromptValues = Record<PromptPlaceholder, string>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every {{name}} in a template, in order of first appearance. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

export function isKnownPlaceholder(name: string): name is PromptPlaceholder {
  return (PROMPT_PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * Fills a validated template. Values are inserted once, never re-scanned, so a shopper who
 * types "{{evidence}}" into the question gets that text back literally.
 */
export function renderTemplate(template: string, values: PromptValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    isKnownPlaceholder(name) ? values[name] : whole,
  );
}
