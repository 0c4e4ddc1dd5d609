import { normalizeText } from '@mangaassist/text';
import type { StageOneRule } from './stage-one-rule';

const JAPANESE =
  /^(?:こんにちは|こんにちわ|こんばんは|こんばんわ|おはよう(?:ございます)?|(?:どうも)?ありがとう(?:ございます|ございました)?|はじめまして)$/u;
const ENGLISH =
  /^(?:hello|hi|hey|hiya|hello there|hi there|hey there|good (?:morning|afternoon|evening)|thanks|thank you|thanks a lot|thanks so much|thank you so much|thank you very much|many thanks)$/u;
// Trailing decoration: punctuation, waves and emoji (👋 😊) that do not change a greeting.
const DECORATION =
  /(?:[\s!！?？.。、,~〜♪…ー-]|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})+/gu;

/**
 * The whole message is a greeting or a thanks and nothing else. "こんにちは、ワンピースの新刊は？"
 * carries a question, so it is left to the classifier.
 */
export const bareGreetingRule: StageOneRule = {
  name: 'bare_greeting',
  intent: 'greeting_chitchat',
  confidence: 0.97,
  matches: (text) => {
    const bare = normalizeText(text).toLowerCase().replace(DECORATION, ' ').trim();
    return JAPANESE.test(bare) || ENGLISH.test(bare.replace(/\s+/g, ' '));
  },
};
