import type { MessageReadings } from '../input/message-readings';
import { readMessage } from '../input/message-readings';
import { checkedText } from '../text/checked-text';
import { injectionFeatures } from './injection-features';
import type { InjectionExample } from './labelled-injection-examples';
import {
  DEFAULT_TRAINING_OPTIONS,
  type LogisticModel,
  predict,
  type TrainingExample,
  type TrainingOptions,
  trainLogistic,
} from './logistic-regression';

/** The probability that a message is a prompt-injection or jailbreak attempt. */
export interface InjectionScorer {
  score(readings: MessageReadings): number;
}

/** The trained classifier: hashed features of every reading of a message, logistic output. */
export class InjectionClassifier implements InjectionScorer {
  constructor(
    private readonly model: LogisticModel,
    readonly trainedOn: number,
  ) {}

  static train(
    examples: readonly InjectionExample[],
    options: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
  ): InjectionClassifier {
    const training: TrainingExample[] = examples.map((example) => ({
      vector: injectionFeatures(classifierInput(readMessage(checkedText(example.text)))),
      label: example.label === 'attack' ? 1 : 0,
    }));
    return new InjectionClassifier(trainLogistic(training, options), examples.length);
  }

  score(readings: MessageReadings): number {
    return predict(this.model, injectionFeatures(classifierInput(readings)));
  }

  scoreText(text: string): number {
    return this.score(readMessage(checkedText(text)));
  }
}

function classifierInput(readings: MessageReadings) {
  return { text: readings.deobfuscated, payloads: readings.payloads };
}
