import { Intent, IntentSchema, Locale, enumValueName } from '@mangaassist/contracts';
import type { IntentPipeline } from '../intent/intent-pipeline';
import { round4, type Progress } from './benchmark-training';
import type { XsidSentence } from './xsid.dataset';

/**
 * The out-of-scope check on xSID Japanese (weather, alarms, reminders): every sentence goes
 * through the production pipeline (rules, our own trained model, routing) exactly as Classify
 * runs it, and should come out as out_of_scope. xSID is a test set; nothing is trained on it.
 */
export async function runXsidOutOfScopeCheck(
  sentences: readonly XsidSentence[],
  pipeline: IntentPipeline,
  progress: Progress,
): Promise<Record<string, unknown>> {
  const predicted: Record<string, number> = {};
  const byXsidIntent: Record<string, { sentences: number; out_of_scope: number }> = {};
  const byFile: Record<string, { sentences: number; out_of_scope: number }> = {};
  let outOfScope = 0;
  for (const [i, sentence] of sentences.entries()) {
    const reply = await pipeline.classify(sentence.text, Locale.JA);
    const label = enumValueName(IntentSchema, reply.intent ?? Intent.UNSPECIFIED);
    const isOos = reply.intent === Intent.OUT_OF_SCOPE;
    predicted[label] = (predicted[label] ?? 0) + 1;
    for (const [table, key] of [
      [byXsidIntent, sentence.intent],
      [byFile, sentence.file],
    ] as const) {
      table[key] ??= { sentences: 0, out_of_scope: 0 };
      table[key].sentences += 1;
      if (isOos) table[key].out_of_scope += 1;
    }
    if (isOos) outOfScope += 1;
    if ((i + 1) % 100 === 0) progress(`${i + 1}/${sentences.length} sentences classified`);
  }
  const share = (counts: { sentences: number; out_of_scope: number }) =>
    round4(counts.out_of_scope / counts.sentences);
  return {
    dataset: 'xsid-ja',
    sentences: sentences.length,
    out_of_scope_share: round4(outOfScope / sentences.length),
    target: 0.95,
    model_version: pipeline.modelVersion,
    by_xsid_intent: Object.fromEntries(
      Object.entries(byXsidIntent)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([intent, counts]) => [intent, { ...counts, share: share(counts) }]),
    ),
    by_file: Object.fromEntries(
      Object.entries(byFile).map(([file, counts]) => [file, { ...counts, share: share(counts) }]),
    ),
    predicted,
  };
}
