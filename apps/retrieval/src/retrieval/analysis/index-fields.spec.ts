import { create } from '@bufbuild/protobuf';
import { CatalogItemSchema, PolicySchema } from '@mangaassist/contracts';
import { itemDocument, policyDocument } from '@mangaassist/store-data';
import { FIELD_BOOSTS, SEARCH_FIELDS, documentFields } from './index-fields';
import { analyze, queryTerms } from './text-analyzer';

describe('index fields', () => {
  const romance = documentFields(
    itemDocument(
      create(CatalogItemSchema, {
        id: 'MA-0024',
        titleJa: 'かぐや様は告らせたい',
        titleEn: 'Kaguya-sama: Love Is War',
        titleRomaji: 'Kaguya-sama wa Kokurasetai',
        aliases: ['かぐ告'],
        authors: [{ nameJa: '赤坂アカ', nameEn: 'Aka Akasaka', role: 'story_and_art' }],
        demographic: 'seinen',
        genres: ['romance', 'comedy'],
        themes: ['student council'],
      }),
    ),
  );
  const returns = documentFields(
    policyDocument(
      create(PolicySchema, {
        id: 'POL-008',
        topic: 'returns',
        titleJa: '未開封の紙の本の返品',
        titleEn: 'Returning unopened print books',
      }),
    ),
  );

  it('has a boost for every field', () => {
    expect(Object.keys(FIELD_BOOSTS).sort()).toEqual([...SEARCH_FIELDS].sort());
  });

  it('puts titles in all scripts and authors in both scripts', () => {
    expect(romance?.title).toContain('かぐや様は告らせたい');
    expect(romance?.title).toContain('Kaguya-sama wa Kokurasetai');
    expect(romance?.author).toContain('赤坂アカ');
    expect(romance?.author).toContain('Aka Akasaka');
  });

  it('adds Japanese and English words for genres and the demographic', () => {
    const terms = new Set(analyze(romance?.genre_theme ?? ''));
    for (const query of ['恋愛', 'ラブコメ', 'コメディ', '青年', 'love', 'funny', 'seinen']) {
      expect(queryTerms(query).filter((t) => !terms.has(t))).toEqual([]);
    }
  });

  it('adds topic words in both languages to policies, and leaves item fields empty', () => {
    const terms = analyze(returns?.policy_topic ?? '');
    expect(terms).toEqual(expect.arrayContaining(['返品', '返金', 'refund', 'policy']));
    expect(returns?.title).toBe('');
    expect(romance?.policy_body).toBe('');
  });

  it('has no fields for an empty document', () => {
    expect(documentFields(itemDocument(create(CatalogItemSchema)))).toMatchObject({ id: '' });
  });
});
