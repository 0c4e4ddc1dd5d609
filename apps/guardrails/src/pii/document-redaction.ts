import { clone } from '@bufbuild/protobuf';
import { type Document, DocumentSchema } from '@mangaassist/contracts';
import { checkedText } from '../text/checked-text';
import type { PiiType } from './pii-detector';
import type { PiiScanner } from './pii-scanner';
import { redactSpans } from './redaction';

export interface RedactedDocuments {
  documents: Document[];
  redactedSpans: number;
}

/**
 * What a synopsis names is the story: its characters (Taro Sakamoto, 高木さん) and where it is
 * set (埼玉県春日部市), fiction the publisher wrote, not customers. Contact details in it are
 * still removed.
 */
const STORY_TYPES: readonly PiiType[] = ['PERSON', 'ADDRESS'];

/**
 * Retrieved documents with PII removed from their free text (synopses, policy titles and
 * bodies) before an LLM sees them. Titles, aliases, author names and the characters and places
 * a synopsis names are public and stay; a field without PII is returned exactly as it was, not normalized.
 */
export function redactDocuments(
  documents: readonly Document[],
  scanner: PiiScanner,
): RedactedDocuments {
  let redactedSpans = 0;
  const redactField = (value: string, story = false): string => {
    if (value === '') return value;
    const text = checkedText(value);
    const spans = scanner.scan(text.folded, story ? STORY_TYPES : []);
    if (spans.length === 0) return value;
    redactedSpans += spans.length;
    return redactSpans(text.normalized, spans);
  };
  const cleaned = documents.map((document) => {
    const copy = clone(DocumentSchema, document);
    if (copy.content.case === 'item') {
      const item = copy.content.value;
      item.synopsisJa = redactField(item.synopsisJa, true);
      item.synopsisEn = redactField(item.synopsisEn, true);
    } else if (copy.content.case === 'policy') {
      const policy = copy.content.value;
      policy.titleJa = redactField(policy.titleJa);
      policy.titleEn = redactField(policy.titleEn);
      policy.bodyJa = redactField(policy.bodyJa);
      policy.bodyEn = redactField(policy.bodyEn);
    }
    return copy;
  });
  return { documents: cleaned, redactedSpans };
}
