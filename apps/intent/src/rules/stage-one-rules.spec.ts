import { applyStageOneRules, STAGE_ONE_RULES } from './stage-one-rules';

describe('applyStageOneRules', () => {
  it('gives every rule a distinct name and a known label', () => {
    const names = STAGE_ONE_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('returns the first rule that fires, in Japanese and English', () => {
    expect(applyStageOneRules('人間と話したい')?.name).toBe('human_handoff_request');
    expect(applyStageOneRules('thanks!')?.name).toBe('bare_greeting');
    expect(applyStageOneRules('こんにちは')?.intent).toBe('greeting_chitchat');
  });

  it('lets the classifier decide everything else', () => {
    expect(applyStageOneRules('ONE PIECEは何巻まで出ていますか？')).toBeUndefined();
    expect(applyStageOneRules('where is order 250-1234567-1234567')).toBeUndefined();
  });
});
