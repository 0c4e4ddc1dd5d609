import { GuardrailsService } from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { normalizeText } from '@mangaassist/text';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { EvalSuite } from '../lib/eval-suite';
import { formatTable } from '../lib/table';
import { type PiiCounts, perType, scoreRedaction } from './pii.suite';

/** Presidio's entity types mapped to ours; every other type is not something we redact. */
const TYPE_MAP: Record<string, string> = {
  EMAIL_ADDRESS: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  CREDIT_CARD: 'CREDIT_CARD',
  PERSON: 'PERSON',
  STREET_ADDRESS: 'ADDRESS',
  ZIP_CODE: 'POSTAL_CODE',
};

const datasetSchema = z.array(
  z
    .object({
      full_text: z.string(),
      spans: z.array(z.object({ entity_type: z.string(), entity_value: z.string() }).passthrough()),
    })
    .passthrough(),
);

/**
 * Presidio's synthetic PII set (US-centric English, never trained or tuned on) through
 * guardrails.Redact, for the types we support. A predicted span that only overlaps a value of a
 * type we do not support (a DATE_TIME read as a phone number, say) is reported apart and left
 * out of precision. --file names the external data directory or the JSON file itself.
 */
export const suite: EvalSuite = {
  name: 'pii-external',
  summary:
    'Presidio synth_dataset_v2 (English, US formats) per-type precision/recall through Redact',
  services: ['guardrails'],
  defaultFile: '../shared/data/external',
  async run({ file, addresses, progress }) {
    if (!file) throw new Error('pii-external needs --file');
    const path = statSync(file).isDirectory()
      ? join(file, 'presidio', 'synth_dataset_v2.json')
      : file;
    if (!existsSync(path)) throw new Error(`missing ${path}`);
    const records = datasetSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    const client = createGrpcClient(GuardrailsService, {
      address: addresses.guardrails,
      defaultDeadlineMs: 10_000,
    });
    const counts = new Map<string, PiiCounts>();
    const misses: Record<string, string[]> = {};
    const falsePositives: string[] = [];
    let onUnsupported = 0;
    try {
      for (const [i, record] of records.entries()) {
        const reply = await client.rpc.redact({ text: record.full_text });
        const normalized = normalizeText(record.full_text);
        const unsupported = record.spans
          .filter((s) => TYPE_MAP[s.entity_type] === undefined)
          .map((s) => {
            const value = normalizeText(s.entity_value);
            const start = normalized.indexOf(value);
            return { start, end: start + value.length };
          })
          .filter((s) => s.start >= 0);
        const entities = record.spans.flatMap((s) =>
          TYPE_MAP[s.entity_type] ? [{ type: TYPE_MAP[s.entity_type], value: s.entity_value }] : [],
        );
        const spans = reply.pii.filter((span) => {
          const overlapsSupported = entities.some((e) => {
            const value = normalizeText(e.value);
            const start = normalized.indexOf(value);
            return start >= 0 && span.start < start + value.length && span.end > start;
          });
          const overlapsUnsupported = unsupported.some(
            (u) => span.start < u.end && span.end > u.start,
          );
          if (!overlapsSupported && overlapsUnsupported) {
            onUnsupported += 1;
            return false;
          }
          return true;
        });
        const scored = scoreRedaction(
          record.full_text,
          entities,
          reply.redactedText,
          spans,
          counts,
        );
        for (const miss of scored.misses) {
          const type = miss.split(' ')[0];
          const list = (misses[type] ??= []);
          if (list.length < 12) list.push(miss.slice(type.length + 1).replace(/\s+/g, ' '));
        }
        if (falsePositives.length < 30) falsePositives.push(...scored.falsePositives);
        if ((i + 1) % 500 === 0) progress(`${i + 1}/${records.length} records`);
      }
    } finally {
      client.close();
    }
    const types = perType(counts);
    const json = {
      file: path,
      records: records.length,
      type_map: TYPE_MAP,
      per_type: types,
      predicted_on_unsupported_types: onUnsupported,
      missed_examples: misses,
      false_positive_examples: falsePositives.slice(0, 30),
    };
    const table = [
      `${records.length} records; ${onUnsupported} predicted spans fell on unsupported types (left out)`,
      formatTable(
        ['type', 'precision', 'recall', 'gold', 'predicted'],
        Object.entries(types).map(([type, r]) => [
          type,
          r.precision,
          r.recall,
          r.gold,
          r.predicted,
        ]),
      ),
    ].join('\n');
    return { json, table };
  },
};
