import { bareGreetingRule } from './bare-greeting.rule';

describe('bare greeting rule', () => {
  it.each([
    'こんにちは',
    'おはよう',
    'おはようございます！',
    'ありがとう',
    'ありがとうございました。',
    'こんばんは〜',
  ])('fires on the whole-message Japanese greeting %s', (text) => {
    expect(bareGreetingRule.matches(text)).toBe(true);
  });

  it.each([
    'hello',
    'Hi there!',
    'thanks!',
    'Thank you so much 🙏',
    'thanks 👍🏽',
    'good morning',
    'ＨＥＬＬＯ',
  ])('fires on the whole-message English greeting %s', (text) => {
    expect(bareGreetingRule.matches(text)).toBe(true);
  });

  it.each([
    'こんにちは、ワンピースの新刊はいつ？',
    'ありがとう、でも返品したい',
    'hello, where is my order',
    'thanks but the book arrived damaged',
    'hi there, do you have Blue Lock?',
    'high school romance manga',
  ])('leaves a greeting with a request to the classifier: %s', (text) => {
    expect(bareGreetingRule.matches(text)).toBe(false);
  });
});
