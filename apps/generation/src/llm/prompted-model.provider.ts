import { Logger } from '@nestjs/common';
import { mentions } from '../composer/focus-item';
import type { PriceTable } from '../cost/price-table';
import type {
  AnswerCitation,
  AnswerEvent,
  AnswerProvider,
  AnswerRequest,
} from '../generation/answer-provider';
import { buildPrompt } from '../prompts/prompt-builder';
import type { PromptRelease } from '../prompts/prompt-registry';
import { estimateTokens } from '../prompts/token-estimate';
import { CitationExtractor } from './citation-extractor';
import { ModelCallError, type ModelClient, asModelCallError } from './model-client';

export interface PromptedModelOptions {
  /** Logs each prompt's compression stats (debug level). */
  logPrompts?: boolean;
}

/**
 * One model behind the AnswerProvider port: renders the prompt release with the turn's
 * evidence (compressed to the release's budget), streams the model's text with citation
 * markers turned into citations, and reports billed tokens and cost. A model that says nothing
 * has failed: an empty answer is never passed on as complete.
 */
export class PromptedModelProvider implements AnswerProvider {
  private readonly logger = new Logger(PromptedModelProvider.name);
  readonly promptVersion: string;

  constructor(
    private readonly client: ModelClient,
    readonly modelId: string,
    private readonly release: PromptRelease,
    private readonly prices: PriceTable,
    private readonly options: PromptedModelOptions = {},
  ) {
    this.promptVersion = release.id;
  }

  async *generate(request: AnswerRequest, signal: AbortSignal): AsyncIterable<AnswerEvent> {
    const prompt = buildPrompt(this.release, request);
    if (this.options.logPrompts) {
      this.logger.debug(`trace=${request.traceId} prompt ${JSON.stringify(prompt.stats)}`);
    }
    const extractor = new CitationExtractor(prompt.citable);
    let raw = '';
    let visible = '';
    let usage: { inputTokens: number; outputTokens: number } | undefined;
    let stop: 'complete' | 'length' | undefined;
    let streaming = false;
    // A call refused up front (429, 503) bills nothing; one that started streaming bills its
    // prompt and what it wrote, estimated when the model never reported usage.
    const billed = () =>
      usage ??
      (streaming
        ? { inputTokens: prompt.stats.estimatedTokens, outputTokens: estimateTokens(raw) }
        : { inputTokens: 0, outputTokens: 0 });
    try {
      for await (const event of this.client.stream(
        {
          modelId: this.modelId,
          system: prompt.system,
          user: prompt.user,
          maxOutputTokens: prompt.maxOutputTokens,
          temperature: prompt.temperature,
          traceId: request.traceId,
        },
        signal,
      )) {
        streaming = true;
        if (event.kind === 'text') {
          raw += event.text;
          const shown = extractor.push(event.text);
          visible += shown;
          if (shown) yield { kind: 'text', text: shown };
        } else if (event.kind === 'usage') {
          usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
        } else {
          stop = event.reason;
        }
      }
      if (signal.aborted) return;
      if (stop === undefined) {
        throw new ModelCallError(
          'error',
          `${this.client.provider} stream ended without a stop reason`,
        );
      }
      const rest = extractor.flush();
      visible += rest;
      if (rest) yield { kind: 'text', text: rest };
      if (visible.trim() === '') {
        throw new ModelCallError('error', `${this.modelId} returned an empty answer`);
      }
    } catch (error) {
      const failure = asModelCallError(error);
      failure.billed = billed();
      throw failure;
    }
    if (extractor.unknownIds.length > 0) {
      this.logger.warn(
        `trace=${request.traceId} ${this.modelId} cited ids not in its evidence: ${extractor.unknownIds.join(', ')}`,
      );
    }
    const tokens = billed();
    yield {
      kind: 'done',
      metadata: {
        citations: citationsOf(extractor.citations, visible, request, prompt.citable),
        finishReason: stop,
        modelId: this.modelId,
        promptVersion: this.promptVersion,
        inputTokens: tokens.inputTokens,
        outputTokens: tokens.outputTokens,
        estimatedCostUsd: this.prices.cost(this.modelId, tokens.inputTokens, tokens.outputTokens),
        attempts: [],
      },
    };
  }
}

/**
 * The marker citations, or, when the model wrote none, the evidence series its text names
 * by title: a model that forgot the markers still used the documents it names.
 */
function citationsOf(
  marked: AnswerCitation[],
  text: string,
  request: AnswerRequest,
  citable: ReadonlyMap<string, string>,
): AnswerCitation[] {
  if (marked.length > 0) return marked;
  return request.evidence.flatMap((document) => {
    if (document.content.case !== 'item') return [];
    const item = document.content.value;
    const title = citable.get(item.id);
    return title !== undefined && mentions(text, item) ? [{ id: item.id, title }] : [];
  });
}
