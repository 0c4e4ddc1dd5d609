import { defaultCacheDir, jarsNotIn } from './provision';
import { hasKnn } from './start-opensearch';

describe('provisioning helpers', () => {
  it('keeps only the module jars that lib/ does not already hold (jar hell)', () => {
    const lib = new Set(['lucene-core-9.12.1.jar', 'opensearch-2.19.1.jar']);
    expect(
      jarsNotIn(
        [
          'opensearch-2.19.1.jar',
          'asm-9.7.jar',
          'lang-painless-2.19.1.jar',
          'README.txt',
          'lucene-core-9.12.1.jar',
        ],
        lib,
      ),
    ).toEqual(['asm-9.7.jar', 'lang-painless-2.19.1.jar']);
  });

  it('caches where MANGAASSIST_CACHE_DIR says', () => {
    expect(defaultCacheDir({ MANGAASSIST_CACHE_DIR: '/srv/cache' })).toBe('/srv/cache');
  });

  it('recognizes k-NN in _cat/plugins output only', () => {
    expect(hasKnn([{ name: 'n', component: 'opensearch-knn', version: '2.19.1.0' }])).toBe(true);
    expect(hasKnn([{ name: 'n', component: 'analysis-icu' }])).toBe(false);
    expect(hasKnn({ error: 'x' })).toBe(false);
  });
});
