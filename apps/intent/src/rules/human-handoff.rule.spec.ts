import { humanHandoffRule } from './human-handoff.rule';

describe('human handoff rule', () => {
  it.each([
    'オペレーターにつないでください',
    '人間と話したい',
    '担当者につないで',
    '担当の方と話をさせてください',
    '有人チャットに切り替えて',
    'ｵﾍﾟﾚｰﾀｰお願い',
  ])('fires on the Japanese request %s', (text) => {
    expect(humanHandoffRule.matches(text)).toBe(true);
  });

  it.each([
    'talk to a human',
    'Can I speak to an agent please?',
    'I want to talk with a representative',
    'connect me to a live agent',
    'transfer me to a human',
  ])('fires on the English request %s', (text) => {
    expect(humanHandoffRule.matches(text)).toBe(true);
  });

  it.each([
    'ワンピースの担当編集は誰？',
    '人気の漫画を教えて',
    'what is the story of Real about',
    'a manga about a secret agent',
    'human drama manga recommendations',
    'is the person who wrote Naruto still drawing',
    'are you a real person',
  ])('stays silent on %s', (text) => {
    expect(humanHandoffRule.matches(text)).toBe(false);
  });

  it('assigns human_handoff with a high confidence', () => {
    expect(humanHandoffRule.intent).toBe('human_handoff');
    expect(humanHandoffRule.confidence).toBeGreaterThan(0.9);
  });
});
