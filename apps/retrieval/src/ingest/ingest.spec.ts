import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRepoRoot } from '@mangaassist/config';
import {
  type CatalogRecord,
  DEFAULT_CATALOG_PATH,
  DEFAULT_POLICIES_PATH,
  catalogRecordSchema,
  policyRecordSchema,
} from '@mangaassist/store-data';
import { create } from '@bufbuild/protobuf';
import { SearchRequestSchema } from '@mangaassist/contracts';
import { Logger } from '@nestjs/common';
import { InvertedSearchIndex } from '../retrieval/adapters/inverted.search-index';
import { RetrievalService } from '../retrieval/retrieval.service';
import { parseSearchRequest } from '../retrieval/search-request';
import { validateJsonlFile } from './jsonl-validation';
import { catalogRecordProblems } from './record-checks';
import { SnapshotError, decodeVector, encodeVector, readSnapshot } from './retrieval-snapshot';
import { upsertSnapshot } from './snapshot-upsert';

const catalogLines = () =>
  readFileSync(fromRepoRoot(DEFAULT_CATALOG_PATH), 'utf8').split('\n').filter(Boolean);
const record = (line: string): CatalogRecord => catalogRecordSchema.parse(JSON.parse(line));

describe('catalogRecordProblems', () => {
  const onePiece = () => record(catalogLines()[0]);

  it('accepts every record of the sample store', () => {
    for (const line of catalogLines()) expect(catalogRecordProblems(record(line))).toEqual([]);
  });

  it('names each inconsistent field', () => {
    expect(
      catalogRecordProblems({ ...onePiece(), price_jpy: { print: null, kindle: 528 } }),
    ).toEqual(['price_jpy.print: missing for a format sold']);
    expect(catalogRecordProblems({ ...onePiece(), formats: ['kindle'] })).toEqual([
      'price_jpy.print: set for a format not in formats',
      'stock.print: set without a print edition',
    ]);
    expect(catalogRecordProblems({ ...onePiece(), status: 'completed' })).toEqual([
      'end_year: missing for a completed series',
    ]);
    expect(
      catalogRecordProblems({
        ...onePiece(),
        next_volume: { number: 3, release_date: '2027-01-01', preorder: true },
      }),
    ).toEqual(['next_volume.number: 3 is not after volumes_published 116']);
  });
});

describe('ingest into the local snapshot', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports bad lines with their number and reason and keeps the rest', async () => {
    const lines = catalogLines();
    const file = join(dir, 'feed.jsonl');
    const endBeforeStart = JSON.parse(lines[6]);
    endBeforeStart.end_year = 1900;
    writeFileSync(
      file,
      [
        lines[0],
        '{"id":"MA-0002"',
        '',
        '{"id":"nope"}',
        lines[1],
        lines[0],
        JSON.stringify(endBeforeStart),
        'x'.repeat(200_001),
      ].join('\n'),
    );
    const seen: number[] = [];
    const result = await validateJsonlFile(file, 'catalog', (n) => seen.push(n));
    expect(result.records.map((r) => r.id)).toEqual(['MA-0001', 'MA-0002']);
    expect(result.lines).toBe(8);
    expect(result.errors.map((e) => e.line)).toEqual([2, 4, 6, 7, 8]);
    expect(result.errors[0].reason).toMatch(/^invalid JSON/);
    expect(result.errors[1].reason).toMatch(/^id: must look like MA-0001; .*and \d+ more$/);
    expect(result.errors[2].reason).toBe('duplicate id MA-0001 (first at line 1); kept the first');
    expect(result.errors[3].reason).toMatch(/end_year: 1900 is before start_year/);
    expect(result.errors[4].reason).toMatch(/at most 200000/);
    expect(seen.at(-1)).toBe(8);
  });

  it('upserts by id, idempotently, byte for byte', async () => {
    const path = join(dir, 'snapshot.jsonl');
    const lines = catalogLines();
    const first = await upsertSnapshot(path, {
      items: lines.slice(0, 3).map(record),
      policies: [],
    });
    expect(first.result).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    const bytes = readFileSync(path);

    const again = await upsertSnapshot(path, {
      items: lines.slice(0, 3).map(record),
      policies: [],
    });
    expect(again.result).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(readFileSync(path).equals(bytes)).toBe(true);

    const changed = { ...record(lines[1]), popularity: 1 };
    const next = await upsertSnapshot(path, { items: [changed, record(lines[3])], policies: [] });
    expect(next.result).toEqual({ inserted: 1, updated: 1, unchanged: 0 });
    const { contents, errors } = await readSnapshot(path);
    expect(errors).toEqual([]);
    expect(contents.items.map((r) => r.id)).toEqual(['MA-0001', 'MA-0002', 'MA-0003', 'MA-0004']);
    expect(contents.items[1].popularity).toBe(1);

    const replaced = await upsertSnapshot(
      path,
      { items: [record(lines[5])], policies: [] },
      { replace: true },
    );
    expect(replaced.items).toBe(1);
  });

  it('serves a snapshot from the service (RETRIEVAL_SNAPSHOT_PATH) with the same answers', async () => {
    const path = join(dir, 'snapshot.jsonl');
    const policies = readFileSync(fromRepoRoot(DEFAULT_POLICIES_PATH), 'utf8')
      .split('\n')
      .filter(Boolean);
    await upsertSnapshot(path, {
      items: catalogLines().map(record),
      policies: policies.map((l) => policyRecordSchema.parse(JSON.parse(l))),
    });
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const service = new RetrievalService(new InvertedSearchIndex(), { snapshotPath: path });
    expect(await service.load()).toEqual({ items: 296, policies: 40, badLines: 0 });
    log.mockRestore();
    for (const [query, id] of [
      ['ワンピ', 'MA-0001'],
      ['送料', 'POL-001'],
    ]) {
      const result = await service.search(
        parseSearchRequest(create(SearchRequestSchema, { query })),
      );
      expect(result.hits[0].id).toBe(id);
    }
  });

  it('refuses a file that is not a snapshot, naming it', async () => {
    const path = join(dir, 'catalog.jsonl');
    writeFileSync(path, catalogLines()[0]);
    await expect(readSnapshot(path)).rejects.toThrow(SnapshotError);
    await expect(readSnapshot(join(dir, 'missing.jsonl'))).rejects.toThrow(
      /missing\.jsonl: cannot read/,
    );
  });

  it('stores vectors compactly and exactly', () => {
    const vector = Float32Array.from([0.5, -0.25, 1e-7, 3]);
    expect(Array.from(decodeVector(encodeVector(vector)))).toEqual(Array.from(vector));
  });
});
