import type { TextPreprocessor } from '../classifier/text-preprocessor';
import type { TitleExtractor } from './title.extractor';

export const TITLE_MASKING = 'mask-catalog-titles';
/** A made-up word, so the placeholder never merges with a word shoppers write. */
export const TITLE_PLACEHOLDER = 'mangatitle';

/**
 * Replaces every catalog title in a text with one placeholder word before the classifier sees
 * it. Which series is named says nothing about what the shopper wants, and the training data
 * names only some of the 296 series: "what's the premise of parasyte" should look like every
 * other "what's the premise of <title>". Measured on data/intent dev: accuracy 0.835 -> 0.876.
 */
export function titleMaskingPreprocessor(titles: TitleExtractor): TextPreprocessor {
  return {
    name: TITLE_MASKING,
    apply(text: string): string {
      let masked = text;
      for (const span of titles.mentionSpans(text).reverse()) {
        masked = `${masked.slice(0, span.start)} ${TITLE_PLACEHOLDER} ${masked.slice(span.end)}`;
      }
      return masked;
    },
  };
}
