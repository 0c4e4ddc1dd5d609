import type { ClassificationReport } from './classification-metrics';
import type { ModelManifest } from './model-artifact';

export interface ModelCardInput {
  /** The directory name under models/intent, e.g. v1. */
  name: string;
  manifest: ModelManifest;
  /** The dev split, as measured after calibration. */
  dev: ClassificationReport;
  /** Train examples per label and locale, for the data table. */
  trainCounts: Record<string, { ja: number; en: number }>;
  devCounts: Record<string, { ja: number; en: number }>;
}

const fixed = (value: number, digits = 3) => value.toFixed(digits);

/**
 * A short model card (Mitchell et al., 2019, trimmed to what this model has): what it is for,
 * the data, how it was trained, what it measured on dev, how calibrated it is, and its limits.
 */
export function renderModelCard({
  name,
  manifest,
  dev,
  trainCounts,
  devCounts,
}: ModelCardInput): string {
  const m = manifest.metrics;
  const p = manifest.provenance;
  const f = manifest.features;
  const ensemble = Number(p?.options.seedEnsemble ?? 1);
  const labels = manifest.labels;
  const total = (counts: Record<string, { ja: number; en: number }>, key: 'ja' | 'en') =>
    Object.values(counts).reduce((sum, c) => sum + c[key], 0);
  const rows = labels.map((label) => {
    const t = trainCounts[label] ?? { ja: 0, en: 0 };
    const d = devCounts[label] ?? { ja: 0, en: 0 };
    const s = dev.perLabel[label];
    return `| ${label} | ${t.ja} | ${t.en} | ${d.ja} | ${d.en} | ${s ? fixed(s.precision) : '-'} | ${s ? fixed(s.recall) : '-'} | ${s ? fixed(s.f1) : '-'} |`;
  });
  const confusions = Object.entries(dev.confusion)
    .flatMap(([gold, row]) =>
      Object.entries(row)
        .filter(([predicted]) => predicted !== gold)
        .map(([predicted, count]) => ({ gold, predicted, count })),
    )
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold))
    .slice(0, 8)
    .map((c) => `- ${c.gold} → ${c.predicted}: ${c.count}`);
  return `# Intent model card: ${name}

Version \`${manifest.version}\` (a content hash of labels, features, weights and temperature).

## Use
Stage 2 of \`intent.Classify\` in MangaAssist: routes Japanese and English shopper messages of a
manga store to one of ${labels.length} intents. Stage-1 rules (explicit requests for a human, bare
greetings) and the routing floor (\`INTENT_MIN_CONFIDENCE\`) sit around it in the service. It is
not meant for other domains without retraining.

## Data
- train: \`${p?.train.path ?? '?'}\`, ${m.trainExamples} examples (ja ${total(trainCounts, 'ja')}, en ${total(trainCounts, 'en')}), sha256 \`${p?.train.sha256.slice(0, 12) ?? '?'}\`
- dev: \`${p?.dev.path ?? '?'}\`, ${m.devExamples} examples (ja ${total(devCounts, 'ja')}, en ${total(devCounts, 'en')}), sha256 \`${p?.dev.sha256.slice(0, 12) ?? '?'}\`: temperature fitting and the numbers below; never trained on
- catalog titles masked before featurization: ${manifest.preprocessing === 'none' ? 'no' : `yes (\`${manifest.preprocessing}\`${p?.catalog ? `, \`${p.catalog.path}\`` : ''})`}
- Everything was written by hand for the project; public benchmark sets are never trained on.

## Model
Multinomial logistic regression over hashed sparse features (2^${f.hashBits} buckets, hash seed
${f.seed}): Japanese character ${f.japaneseCharGrams[0]}–${f.japaneseCharGrams[1]}-grams after kana folding,
Latin in-word character ${f.latinCharGrams[0]}–${f.latinCharGrams[1]}-grams, word ${f.wordTrigrams ? '1–3' : f.wordBigrams ? '1–2' : '1'}-grams (ICU word segmentation,
light English stemming), digits folded, sublinear TF; character and word n-grams L2-normalized as
two blocks (word block weight ${f.wordBlockWeight}), then together.
${manifest.buckets} buckets kept, ${labels.length} labels. Trained with mini-batch AdamW
(${m.epochs} epochs${ensemble > 1 ? `, ${ensemble} runs with consecutive shuffle seeds averaged into one set of weights` : ''},
${m.steps} steps in all, final training loss ${fixed(m.trainLoss, 4)}) in ${(m.trainingMs / 1000).toFixed(1)} s;
the same data, options and seed give the same version.

## Dev metrics
| metric | value |
| --- | --- |
| accuracy | ${fixed(m.devAccuracy, 4)} |
| macro-F1 | ${fixed(m.devMacroF1, 4)} |
| NLL before / after temperature scaling | ${fixed(m.devNllUncalibrated)} / ${fixed(m.devNll)} |
| expected calibration error (10 bins) | ${fixed(m.devEce)} |
| temperature | ${fixed(manifest.temperature, 4)} |

| label | train ja | train en | dev ja | dev en | dev precision | dev recall | dev F1 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Most frequent dev confusions (gold → predicted):
${confusions.length > 0 ? confusions.join('\n') : '- none'}

## Calibration
Confidence is softmax(logits / T) with T fitted on dev by minimising the negative log-likelihood;
it does not change the predicted label. The service routes turns below \`INTENT_MIN_CONFIDENCE\`
to a clarifying question or the LLM route.

## Limits
- The dev split was written by the same people as the training data; accuracy on messages
  written by others is expected to be lower. Evaluate with \`npm run eval -- intent --file <jsonl>\`.
- A bag of n-grams: negation and long multi-request messages are read as the sum of their words.
- Only Japanese and English; other languages and code-switching beyond romaji get low confidence.
- Titles outside the catalog are not masked and may pull a message toward the intents whose
  training examples happen to share their words.
`;
}
