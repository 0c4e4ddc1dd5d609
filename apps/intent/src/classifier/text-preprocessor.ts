/**
 * A rewrite applied to every text before featurization, in training and in prediction alike.
 * Its name is saved with the model, so a model is never run with a different rewrite than the
 * one it was trained with.
 */
export interface TextPreprocessor {
  readonly name: string;
  apply(text: string): string;
}

export const IDENTITY_PREPROCESSOR: TextPreprocessor = {
  name: 'none',
  apply: (text) => text,
};
