import { normalizeText } from '@mangaassist/text';
import type { StageOneRule } from './stage-one-rule';

const PERSON = String.raw`(?:a\s+|an\s+|the\s+|some\s+|your\s+)?(?:real\s+|live\s+|human\s+)?(?:human|agent|person|representative|rep|operator|staff(?:\s+member)?|someone\s+real|real\s+person)`;
const PATTERNS: RegExp[] = [
  /オペレーター/u,
  /人間(?:と|に)(?:話|つな|繋|代わ|かわ)/u,
  /人(?:と|に)(?:話したい|話せ|つない|繋い|代わ|かわ)/u,
  /担当者?(?:の方)?(?:に|と)(?:つな|繋|話|代わ|かわ)/u,
  /有人(?:チャット|対応|サポート)/u,
  new RegExp(String.raw`\b(?:talk|speak|chat)\s+(?:to|with)\s+${PERSON}\b`, 'iu'),
  new RegExp(
    String.raw`\b(?:connect|transfer|put)\s+me\s+(?:to|through\s+to|with)\s+${PERSON}\b`,
    'iu',
  ),
  /\b(?:human|live)\s+agent\b/iu,
];

/**
 * An explicit request to talk to a person, in either language. A bare "real person" pattern was
 * measured and removed: on data/intent/train.jsonl it also fired on "are you a real person", a
 * question about the bot (greeting_chitchat); requests phrased that way go to the classifier.
 */
export const humanHandoffRule: StageOneRule = {
  name: 'human_handoff_request',
  intent: 'human_handoff',
  confidence: 0.97,
  matches: (text) => {
    const normalized = normalizeText(text);
    return PATTERNS.some((pattern) => pattern.test(normalized));
  },
};
