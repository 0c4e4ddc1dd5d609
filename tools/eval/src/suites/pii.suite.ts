import { GuardrailsService, type PiiSpan } from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { normalizeText } from '@mangaassist/text';
import { z } from 'zod';
import type { EvalSuite } from '../lib/eval-suite';
import { round } from '../lib/metrics';
import { readLabelledJsonl } from '../lib/read-jsonl';
import { formatTable } from '../lib/table';

const PII_TYPES = [
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'POSTAL_CODE',
  'MY_NUMBER',
  'PERSON',
  'ADDRESS',
] as const;
const TARGETS: Record<string, { precision?: number; recall: number }> = {
  EMAIL: { precision: 0.95, recall: 0.98 },
  PHONE: { precision: 0.95, recall: 0.98 },
  CREDIT_CARD: { precision: 0.95, recall: 0.98 },
  POSTAL_CODE: { precision: 0.95, recall: 0.98 },
  MY_NUMBER: { precision: 0.95, recall: 0.98 },
  PERSON: { recall: 0.85 },
  ADDRESS: { recall: 0.85 },
};

const lineSchema = z.object({
  text: z.string().min(1).max(100_000),
  locale: z.enum(['ja', 'en']),
  entities: z.array(
    z.object({ type: z.enum([...PII_TYPES, 'ORDER_ID']), value: z.string().min(1) }),
  ),
});

/** One labelled value located in the text the guardrails return offsets for. */
interface Located {
  type: string;
  value: string;
  normalized: string;
  start: number;
  end: number;
}

export interface PiiCounts {
  gold: number;
  found: number;
  predicted: number;
  correct: number;
}

/**
 * Scores one redaction. A labelled value is found when the redacted text no longer contains it
 * and a span of its type covers it; a predicted span is correct when it overlaps a labelled
 * value of its type. ORDER_ID values must survive unredacted. Offsets of Redact refer to the
 * normalized text, so values are located in normalizeText(text) (guardrails' extra folding
 * keeps lengths).
 */
export function scoreRedaction(
  text: string,
  entities: readonly { type: string; value: string }[],
  redactedText: string,
  spans: readonly Pick<PiiSpan, 'type' | 'start' | 'end'>[],
  counts: Map<string, PiiCounts>,
): { orderIds: number; orderIdsKept: number; misses: string[]; falsePositives: string[] } {
  const normalized = normalizeText(text);
  const count = (type: string) => {
    const c = counts.get(type) ?? { gold: 0, found: 0, predicted: 0, correct: 0 };
    counts.set(type, c);
    return c;
  };
  const located: Located[] = entities.map((e) => {
    const value = normalizeText(e.value);
    const start = normalized.indexOf(value);
    return { ...e, normalized: value, start, end: start < 0 ? -1 : start + value.length };
  });
  const overlaps = (span: { start: number; end: number }, l: Located) =>
    l.start >= 0 && span.start < l.end && span.end > l.start;
  let orderIds = 0;
  let orderIdsKept = 0;
  const misses: string[] = [];
  const falsePositives: string[] = [];
  for (const l of located) {
    if (l.type === 'ORDER_ID') {
      orderIds += 1;
      if (redactedText.includes(l.normalized)) orderIdsKept += 1;
      continue;
    }
    const c = count(l.type);
    c.gold += 1;
    const removed = !redactedText.includes(l.normalized) && !redactedText.includes(l.value);
    if (removed && spans.some((s) => s.type === l.type && overlaps(s, l))) c.found += 1;
    else misses.push(`${l.type} ${l.value}`);
  }
  for (const span of spans) {
    const c = count(span.type);
    c.predicted += 1;
    if (located.some((l) => l.type === span.type && overlaps(span, l))) c.correct += 1;
    else falsePositives.push(`${span.type} ${normalized.slice(span.start, span.end)}`);
  }
  return { orderIds, orderIdsKept, misses, falsePositives };
}

export function perType(counts: Map<string, PiiCounts>) {
  const result: Record<
    string,
    { precision: number; recall: number; gold: number; predicted: number }
  > = {};
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type) as PiiCounts;
    result[type] = {
      precision: c.predicted === 0 ? 0 : round(c.correct / c.predicted),
      recall: c.gold === 0 ? 0 : round(c.found / c.gold),
      gold: c.gold,
      predicted: c.predicted,
    };
  }
  return result;
}

/**
 * PII redaction over gRPC (guardrails.Redact), per type, on a labelled ja/en file.
 */
export const suite: EvalSuite = {
  name: 'pii',
  summary: 'PII redaction precision/recall per type through Redact; order ids must stay',
  services: ['guardrails'],
  defaultFile: 'data/guardrails/pii.dev.jsonl',
  async run({ file, addresses }) {
    if (!file) throw new Error('pii needs --file <jsonl>');
    const lines = readLabelledJsonl(file, lineSchema);
    lines.forEach((line, i) => {
      for (const e of line.entities) {
        if (!normalizeText(line.text).includes(normalizeText(e.value))) {
          throw new Error(`line ${i + 1}: entity "${e.value}" does not occur in the text`);
        }
      }
    });
    const client = createGrpcClient(GuardrailsService, {
      address: addresses.guardrails,
      defaultDeadlineMs: 10_000,
    });
    const counts = new Map<string, PiiCounts>();
    let orderIds = 0;
    let orderIdsKept = 0;
    const misses: string[] = [];
    const falsePositives: string[] = [];
    try {
      for (const line of lines) {
        const reply = await client.rpc.redact({ text: line.text });
        const scored = scoreRedaction(
          line.text,
          line.entities,
          reply.redactedText,
          reply.pii,
          counts,
        );
        orderIds += scored.orderIds;
        orderIdsKept += scored.orderIdsKept;
        misses.push(...scored.misses);
        falsePositives.push(...scored.falsePositives);
      }
    } finally {
      client.close();
    }
    const types = perType(counts);
    const targets = Object.fromEntries(
      Object.entries(TARGETS).map(([type, target]) => {
        const r = types[type];
        const met =
          r !== undefined &&
          r.recall >= target.recall &&
          (target.precision === undefined || r.precision >= target.precision);
        return [type, { ...target, met }];
      }),
    );
    const json = {
      file,
      lines: lines.length,
      per_type: types,
      order_id: {
        total: orderIds,
        kept: orderIdsKept,
        kept_rate: orderIds === 0 ? 1 : round(orderIdsKept / orderIds),
      },
      targets,
      misses: misses.slice(0, 50),
      false_positives: falsePositives.slice(0, 50),
    };
    const table = [
      `${lines.length} lines; ORDER_ID kept ${orderIdsKept}/${orderIds}`,
      formatTable(
        ['type', 'precision', 'recall', 'gold', 'predicted', 'target met'],
        Object.entries(types).map(([type, r]) => [
          type,
          r.precision,
          r.recall,
          r.gold,
          r.predicted,
          targets[type] ? (targets[type].met ? 'yes' : 'NO') : '-',
        ]),
      ),
    ].join('\n');
    return { json, table };
  },
};
