import { readFileSync } from 'node:fs';
import type { DescMessage } from '@bufbuild/protobuf';
import { fromRepoRoot } from '@mangaassist/config';
import {
  ChatTraceRecordedSchema,
  DeadLetterSchema,
  EntitiesSchema,
  FeedbackSubmittedSchema,
  GuardrailVerdictsSchema,
  ScoredDocumentSchema,
  StageLatencySchema,
} from '@mangaassist/contracts';
import { HEADERS, TOPICS } from '@mangaassist/event-bus';
import { PARQUET_COLUMNS } from './parquet-columns';

/** docs/data-contract.md is the data scientists' contract: it must name everything they get. */
describe('docs/data-contract.md', () => {
  const doc = readFileSync(fromRepoRoot('docs', 'data-contract.md'), 'utf8');

  it('names every topic and header', () => {
    for (const topic of Object.values(TOPICS)) expect(doc).toContain(`\`${topic}\``);
    for (const header of Object.values(HEADERS)) expect(doc).toContain(`\`${header}\``);
  });

  it.each([ChatTraceRecordedSchema, FeedbackSubmittedSchema, DeadLetterSchema])(
    'has a row for every field of $typeName with its number',
    (schema: DescMessage) => {
      for (const field of schema.fields) {
        expect(doc).toContain(`| ${field.number} | \`${field.name}\` |`);
      }
    },
  );

  it.each([ScoredDocumentSchema, StageLatencySchema, GuardrailVerdictsSchema, EntitiesSchema])(
    'describes every field of $typeName',
    (schema: DescMessage) => {
      for (const field of schema.fields) expect(doc).toContain(`\`${field.name}\``);
    },
  );

  it('has a row for every export column, in schema order', () => {
    const section = doc.slice(doc.indexOf('### Columns'));
    const rows = PARQUET_COLUMNS.map((column) => section.indexOf(`\n| \`${column.name}\` |`));
    expect(rows.every((at) => at >= 0)).toBe(true);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
  });
});
