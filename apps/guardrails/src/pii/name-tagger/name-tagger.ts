import {
  type LogisticModel,
  sigmoid,
  type TrainingExample,
  trainLogistic,
} from '../../injection/logistic-regression';
import type { TextSpan } from '../text-span';
import { nameCandidates } from './name-candidates';
import { NameFeatures } from './name-features';

/** A labelled message: normalized text and the PERSON values in it. */
export interface NameExample {
  text: string;
  names: readonly string[];
}

export interface ScoredSpan extends TextSpan {
  probability: number;
}

const TRAINING = { epochs: 8, learningRate: 0.3, l2: 1e-6, seed: 20261127 };

/**
 * A span classifier for person names: every candidate span (script runs and their name-sized
 * pieces, runs of Latin words) is scored by logistic regression over its own shape and its
 * context. Trained at start on the labelled PII messages, so it learns contexts no rule lists
 * (兄の剛に, "names for the gift tags: Marguerite, Dev"); the threshold keeps it precise.
 */
export class NameTagger {
  private readonly features = new NameFeatures();

  private constructor(
    private readonly model: LogisticModel,
    readonly threshold: number,
    readonly trainedOn: number,
  ) {}

  static train(examples: readonly NameExample[], threshold: number): NameTagger {
    const features = new NameFeatures();
    const training: TrainingExample[] = [];
    for (const example of examples) {
      const gold = goldSpans(example);
      for (const candidate of nameCandidates(example.text)) {
        const exact = gold.some((g) => g.start === candidate.start && g.end === candidate.end);
        const overlaps = gold.some((g) => g.start < candidate.end && candidate.start < g.end);
        // A piece of a name (its surname alone) is neither a name span nor a non-name.
        if (overlaps && !exact) continue;
        training.push({ vector: features.vector(example.text, candidate), label: exact ? 1 : 0 });
      }
    }
    return new NameTagger(trainLogistic(training, TRAINING), threshold, examples.length);
  }

  /** Every candidate with its probability of being a name, highest first. */
  score(text: string): ScoredSpan[] {
    return nameCandidates(text)
      .map((span) => ({
        ...span,
        probability: sigmoid(this.features.score(text, span, this.model.weights, this.model.bias)),
      }))
      .sort((a, b) => b.probability - a.probability);
  }

  /** Names at or above the threshold; where candidates overlap, the most probable wins. */
  tag(text: string): TextSpan[] {
    const kept: TextSpan[] = [];
    for (const span of this.score(text)) {
      if (span.probability < this.threshold) break;
      if (kept.some((k) => k.start < span.end && span.start < k.end)) continue;
      kept.push({ start: span.start, end: span.end });
    }
    return kept.sort((a, b) => a.start - b.start);
  }
}

/** Where the labelled names occur in the text (every occurrence). */
export function goldSpans(example: NameExample): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const name of example.names) {
    if (!name) continue;
    for (let at = example.text.indexOf(name); at >= 0; at = example.text.indexOf(name, at + 1)) {
      spans.push({ start: at, end: at + name.length });
    }
  }
  return spans;
}
