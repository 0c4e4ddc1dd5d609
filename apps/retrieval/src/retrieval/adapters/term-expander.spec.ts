import { TermExpander } from './term-expander';

const expander = new TermExpander([
  'piece',
  'pirate',
  'scary',
  'story',
  'shingeki',
  'jujutsu',
  'わんぴす',
]);

describe('TermExpander', () => {
  it('keeps every query term at full weight', () => {
    const expanded = expander.expand(['piece', 'わんぴす']);
    expect(expanded.get('piece')).toEqual({ source: 'piece', weight: 1 });
    expect(expanded.get('わんぴす')).toEqual({ source: 'わんぴす', weight: 1 });
  });

  it('reaches index words from typos, at a lower weight', () => {
    const variant = expander.expand(['peace']).get('piece');
    expect(variant?.source).toBe('peace');
    expect(variant?.weight).toBeLessThan(1);
  });

  it('completes word prefixes ("shingek" -> "shingeki", "jujut" -> "jujutsu")', () => {
    expect(expander.expand(['shingek']).get('shingeki')?.source).toBe('shingek');
    expect(expander.expand(['jujut']).has('jujutsu')).toBe(true);
  });

  it('does not drift from a known word to a similar one', () => {
    expect(expander.expand(['scary']).has('story')).toBe(false);
  });

  it('never expands Japanese terms', () => {
    expect([...expander.expand(['わんぴ']).keys()]).toEqual(['わんぴ']);
  });
});
