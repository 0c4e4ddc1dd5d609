import type { CheckedText } from '../text/checked-text';
import { decodeEmbeddedPayloads, decodeHintedPayloads, deobfuscate } from './deobfuscation';

/** Every reading of one message that the input rules and the classifier look at. */
export interface MessageReadings {
  /** Normalized text (see CheckedText.normalized). */
  normalized: string;
  /** Look-alikes folded, same length as `normalized`. */
  folded: string;
  /** `folded` with spacing and leetspeak undone, lowercased. */
  deobfuscated: string;
  /** Decoded base64/hex runs, tag-character text, ROT13 and reversed readings. */
  payloads: string[];
}

export function readMessage(text: CheckedText): MessageReadings {
  const payloads = new Set<string>([
    ...text.hidden,
    ...decodeEmbeddedPayloads(text.normalized),
    ...decodeHintedPayloads(text.folded),
  ]);
  payloads.delete('');
  return {
    normalized: text.normalized,
    folded: text.folded,
    deobfuscated: deobfuscate(text.folded),
    payloads: [...payloads],
  };
}
