import {
  type Document,
  type HistoryTurn,
  type Intent,
  IntentSchema,
  Role,
  enumValueName,
} from '@mangaassist/contracts';
import type { LocaleCode } from '@mangaassist/text';
import type { PromptRelease } from './prompt-registry';
import { type PromptValues, renderTemplate } from './prompt-template';
import {
  type EvidenceDetail,
  type RenderedDocument,
  policySentences,
  renderDocument,
} from './evidence-render';
import { estimateTokens } from './token-estimate';

export const STORE_NAME = 'まんが本棚 (Manga Hondana)';

/** A history turn longer than this is cut: it is context for "it / それ", not evidence. */
export const MAX_HISTORY_TURN_CHARS = 300;
/** History trimming keeps at least this many recent turns before it touches the evidence. */
const MIN_HISTORY_KEPT = 2;

export interface PromptInput {
  question: string;
  locale: LocaleCode;
  intent: Intent;
  evidence: readonly Document[];
  history: readonly HistoryTurn[];
}

export interface CompressionStats {
  /** Estimated tokens of the final system + user messages. */
  estimatedTokens: number;
  budget: number;
  duplicatesRemoved: number;
  historyKept: number;
  historyDropped: number;
  evidenceKept: number;
  evidenceDropped: number;
  /** Evidence documents rendered without their optional fields (synopsis, themes, ...). */
  evidenceCompacted: number;
  /** True when even the smallest prompt is over budget (a very long question). */
  overBudget: boolean;
}

export interface BuiltPrompt {
  promptVersion: string;
  system: string;
  user: string;
  maxOutputTokens: number;
  temperature: number;
  /** The evidence ids the prompt carries, with titles in the answer's language: the only citable documents. */
  citable: ReadonlyMap<string, string>;
  stats: CompressionStats;
}

/**
 * Renders a prompt release for one turn and fits it into the release's token budget:
 * duplicates are always removed, then history is trimmed oldest first, then evidence past the
 * best match is compacted and finally dropped, then the remaining history goes. The best
 * evidence document and the question are never dropped.
 */
export function buildPrompt(release: PromptRelease, input: PromptInput): BuiltPrompt {
  const { locale } = input;
  const { documents, duplicatesRemoved } = dedupeEvidence(input.evidence);
  const history = input.history.filter((turn) => turn.text.trim() !== '');

  let historyKept = history.length;
  let evidenceKept = documents.length;
  let compactFrom = documents.length;

  const render = () => {
    const rendered = renderEvidence(documents.slice(0, evidenceKept), locale, compactFrom);
    const values: PromptValues = {
      store_name: STORE_NAME,
      answer_language: locale === 'ja' ? 'Japanese' : 'English',
      intent: enumValueName(IntentSchema, input.intent),
      evidence: rendered.map((d) => d.text).join('\n\n') || '(no documents)',
      history: renderHistory(history.slice(history.length - historyKept)),
      question: input.question,
    };
    const system = renderTemplate(release.system, values);
    const user = renderTemplate(release.user, values);
    return { rendered, system, user, tokens: estimateTokens(system) + estimateTokens(user) };
  };

  const budget = release.inputTokenBudget;
  let current = render();
  /** Applies one compression step at a time while the prompt is over budget and the step can shrink it. */
  const shrink = (canShrink: () => boolean, step: () => void): void => {
    while (current.tokens > budget && canShrink()) {
      step();
      current = render();
    }
  };
  shrink(
    () => historyKept > MIN_HISTORY_KEPT,
    () => (historyKept -= 1),
  );
  shrink(
    () => compactFrom > 1,
    () => (compactFrom -= 1),
  );
  shrink(
    () => evidenceKept > 1,
    () => (evidenceKept -= 1),
  );
  shrink(
    () => historyKept > 0,
    () => (historyKept -= 1),
  );
  shrink(
    () => compactFrom > 0,
    () => (compactFrom -= 1),
  );

  return {
    promptVersion: release.id,
    system: current.system,
    user: current.user,
    maxOutputTokens: release.maxOutputTokens,
    temperature: release.temperature,
    citable: new Map(current.rendered.map((d) => [d.id, d.title])),
    stats: {
      estimatedTokens: current.tokens,
      budget,
      duplicatesRemoved,
      historyKept,
      historyDropped: history.length - historyKept,
      evidenceKept,
      evidenceDropped: documents.length - evidenceKept,
      evidenceCompacted: Math.max(0, evidenceKept - compactFrom),
      overBudget: current.tokens > budget,
    },
  };
}

function documentKey(document: Document): string {
  return document.content.case === undefined ? '' : document.content.value.id;
}

/** The same document twice (a search and a title boost can both return it) costs tokens once. */
function dedupeEvidence(evidence: readonly Document[]): {
  documents: Document[];
  duplicatesRemoved: number;
} {
  const seen = new Set<string>();
  const documents = evidence.filter((document) => {
    const key = documentKey(document);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { documents, duplicatesRemoved: evidence.length - documents.length };
}

/**
 * Documents from index `compactFrom` on lose their optional fields. Policy sentences already
 * given by an earlier policy (the store repeats its core rules across pages) are left out.
 */
function renderEvidence(
  documents: readonly Document[],
  locale: LocaleCode,
  compactFrom: number,
): RenderedDocument[] {
  const given = new Set<string>();
  const rendered: RenderedDocument[] = [];
  documents.forEach((document, index) => {
    const detail: EvidenceDetail = index >= compactFrom ? 'compact' : 'full';
    const doc = renderDocument(document, locale, detail, given);
    if (!doc) return;
    for (const sentence of policySentences(document, locale)) given.add(sentence);
    rendered.push(doc);
  });
  return rendered;
}

function renderHistory(turns: readonly HistoryTurn[]): string {
  if (turns.length === 0) return '(none)';
  return turns
    .map((turn) => {
      const who = turn.role === Role.ASSISTANT ? 'assistant' : 'shopper';
      const chars = Array.from(turn.text.trim());
      const text =
        chars.length > MAX_HISTORY_TURN_CHARS
          ? `${chars.slice(0, MAX_HISTORY_TURN_CHARS).join('')}…`
          : chars.join('');
      return `${who}: ${text}`;
    })
    .join('\n');
}
