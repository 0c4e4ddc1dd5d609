import { existsSync, readFileSync } from 'node:fs';
import { type RunningOpenSearch, startOpenSearch } from './index';

// The first run on a machine provisions from Maven Central; later runs only start the node.
const START_TIMEOUT_MS = 15 * 60_000;
// Index creation right after start takes seconds on a busy machine.
jest.setTimeout(60_000);

async function call(node: RunningOpenSearch, path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${node.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

describe('startOpenSearch (real node)', () => {
  let node: RunningOpenSearch;
  beforeAll(async () => {
    node = await startOpenSearch({ progress: (line) => process.stderr.write(`${line}\n`) });
  }, START_TIMEOUT_MS);
  afterAll(() => node?.stop(), 60_000);

  it('serves a single-node cluster on loopback with k-NN, painless and analysis-common', async () => {
    expect(node.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const nodes = (await call(node, '/_nodes/plugins,process')) as {
      nodes: Record<
        string,
        { modules: { name: string }[]; plugins: { name: string }[]; process: { id: number } }
      >;
    };
    const [info] = Object.values(nodes.nodes);
    expect(Object.keys(nodes.nodes)).toHaveLength(1);
    expect(info.plugins.map((p) => p.name)).toContain('opensearch-knn');
    expect(info.modules.map((m) => m.name)).toEqual(
      expect.arrayContaining(['analysis-common', 'lang-painless', 'transport-netty4']),
    );
    if (process.getuid?.() === 0) {
      // OpenSearch refuses root; the launcher drops to the unprivileged user.
      const status = readFileSync(`/proc/${info.process.id}/status`, 'utf8');
      expect(status).toMatch(/^Uid:\s+65534\s/m);
    }
  });

  it('runs Lucene HNSW k-NN and the CJK analysis the search index relies on', async () => {
    await call(node, '/knn-check', {
      method: 'PUT',
      body: JSON.stringify({
        settings: { index: { knn: true, number_of_replicas: 0 } },
        mappings: {
          properties: {
            v: {
              type: 'knn_vector',
              dimension: 2,
              method: { name: 'hnsw', engine: 'lucene', space_type: 'cosinesimil' },
            },
          },
        },
      }),
    });
    await call(node, '/knn-check/_doc/a?refresh=true', {
      method: 'PUT',
      body: JSON.stringify({ v: [1, 0] }),
    });
    await call(node, '/knn-check/_doc/b?refresh=true', {
      method: 'PUT',
      body: JSON.stringify({ v: [0, 1] }),
    });
    const found = (await call(node, '/knn-check/_search', {
      method: 'POST',
      body: JSON.stringify({ size: 1, query: { knn: { v: { vector: [0.9, 0.1], k: 1 } } } }),
    })) as { hits: { hits: { _id: string }[] } };
    expect(found.hits.hits.map((h) => h._id)).toEqual(['a']);

    const analyzed = (await call(node, '/_analyze', {
      method: 'POST',
      body: JSON.stringify({
        tokenizer: 'standard',
        filter: ['cjk_width', 'lowercase', 'cjk_bigram'],
        text: '進撃の巨人 ＡｔｔａｃｋｏｎＴｉｔａｎ',
      }),
    })) as { tokens: { token: string }[] };
    expect(analyzed.tokens.map((t) => t.token)).toEqual([
      '進撃',
      '撃の',
      'の巨',
      '巨人',
      'attackontitan',
    ]);
  });

  it('stops the node and removes its data', async () => {
    const runDir = node.runDir;
    await node.stop();
    await expect(node.exited).resolves.toBeDefined();
    expect(existsSync(runDir)).toBe(false);
    await expect(fetch(`${node.url}/`)).rejects.toThrow();
  });
});
