/**
 * A tokenizer-free estimate of how many tokens a text costs. Claude- and GPT-class tokenizers
 * spend roughly one token per Japanese character and one per ~4 characters of English, so the
 * estimate counts CJK characters singly and everything else by fours. It is used to keep
 * prompts inside their budget and to estimate cost when a model reports no usage; it errs high
 * on English so a budget is never silently exceeded.
 */
const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

export function estimateTokens(text: string): number {
  if (text === '') return 0;
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    if (CJK.test(ch)) cjk += 1;
    else other += 1;
  }
  return cjk + Math.ceil(other / 4);
}
