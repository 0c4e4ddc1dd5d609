import { INTENT_LABELS, parseLabelledExamples, TrainingDataError } from './labelled-examples';

describe('labelled examples', () => {
  it('knows the eleven intent labels in enum order', () => {
    expect(INTENT_LABELS).toHaveLength(11);
    expect(INTENT_LABELS[0]).toBe('product_search');
    expect(INTENT_LABELS[10]).toBe('out_of_scope');
  });

  it('reads Japanese and English lines', () => {
    const examples = parseLabelledExamples(
      [
        '{"text":"こんにちは","locale":"ja","intent":"greeting_chitchat"}',
        '',
        '{"text":"where is my order","locale":"en","intent":"order_status"}',
      ].join('\n'),
    );
    expect(examples.map((e) => e.intent)).toEqual(['greeting_chitchat', 'order_status']);
  });

  it('rejects unknown labels and broken lines with their line numbers', () => {
    try {
      parseLabelledExamples('{"text":"hi","intent":"chitchat"}\nnot json');
      throw new Error('expected a TrainingDataError');
    } catch (error) {
      expect(error).toBeInstanceOf(TrainingDataError);
      expect((error as Error).message).toMatch(/line 1: intent: must be one of/);
      expect((error as Error).message).toMatch(/line 2: invalid JSON/);
    }
  });
});
