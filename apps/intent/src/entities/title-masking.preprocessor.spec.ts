import { loadStoreSnapshot } from '@mangaassist/store-data';
import type { TextPreprocessor } from '../classifier/text-preprocessor';
import { TitleIndex } from './title-index';
import { TitleExtractor } from './title.extractor';
import { TITLE_MASKING, titleMaskingPreprocessor } from './title-masking.preprocessor';

describe('title masking preprocessor', () => {
  let masking: TextPreprocessor;

  beforeAll(async () => {
    masking = titleMaskingPreprocessor(
      new TitleExtractor(new TitleIndex((await loadStoreSnapshot()).items)),
    );
  });

  it('is named so that a saved model records it', () => {
    expect(masking.name).toBe(TITLE_MASKING);
  });

  it('replaces every Japanese title mention with one placeholder', () => {
    expect(masking.apply('ONE PIECEとNARUTOはどっちが長い？')).toBe(
      ' mangatitle と mangatitle はどっちが長い？',
    );
    expect(masking.apply('鬼滅の刃は全何巻ですか')).toBe(' mangatitle は全何巻ですか');
  });

  it('replaces English and misspelt mentions too', () => {
    expect(masking.apply("what's the premise of parasyte")).toBe(
      "what's the premise of  mangatitle ",
    );
    expect(masking.apply('is jujutsu kaisenn over')).toBe('is  mangatitle  over');
  });

  it('leaves text without titles unchanged', () => {
    expect(masking.apply('返品したいです')).toBe('返品したいです');
    expect(masking.apply('talk to a real person')).toBe('talk to a real person');
  });
});
