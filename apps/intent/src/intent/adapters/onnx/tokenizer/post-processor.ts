/** Special tokens around one sequence, as ids: [CLS] ... [SEP] or <s> ... </s>. */
export interface SpecialTokens {
  before: number[];
  after: number[];
}

export interface PostProcessorSpec {
  type: string;
  cls?: [string, number];
  sep?: [string, number];
  single?: ({ SpecialToken: { id: string } } | { Sequence: { id: string } })[];
  special_tokens?: Record<string, { ids: number[] }>;
  processors?: PostProcessorSpec[];
}

/** The special tokens a tokenizer.json "post_processor" puts around a single sequence. */
export function specialTokensOf(spec: PostProcessorSpec | null | undefined): SpecialTokens {
  if (!spec) return { before: [], after: [] };
  switch (spec.type) {
    case 'BertProcessing':
    case 'RobertaProcessing':
      if (!spec.cls || !spec.sep) throw new Error(`${spec.type} needs cls and sep`);
      return { before: [spec.cls[1]], after: [spec.sep[1]] };
    case 'TemplateProcessing': {
      const tokens: SpecialTokens = { before: [], after: [] };
      let seenSequence = false;
      for (const item of spec.single ?? []) {
        if ('Sequence' in item) {
          seenSequence = true;
          continue;
        }
        const special = spec.special_tokens?.[item.SpecialToken.id];
        if (!special) throw new Error(`special token "${item.SpecialToken.id}" is not defined`);
        (seenSequence ? tokens.after : tokens.before).push(...special.ids);
      }
      return tokens;
    }
    case 'ByteLevel':
      return { before: [], after: [] };
    case 'Sequence':
      return (spec.processors ?? []).map(specialTokensOf).reduce(
        (all, next) => ({
          before: [...all.before, ...next.before],
          after: [...all.after, ...next.after],
        }),
        { before: [], after: [] },
      );
    default:
      throw new Error(`post_processor type "${spec.type}" is not supported`);
  }
}
