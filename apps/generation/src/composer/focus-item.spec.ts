import { Role } from '@mangaassist/contracts';
import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import { focusItem, mentions, refersBack } from './focus-item';

describe('focusItem', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  const turn = (text: string) => ({
    $typeName: 'mangaassist.common.v1.HistoryTurn' as const,
    role: Role.SHOPPER,
    text,
  });

  it('recognises a series by title or alias in either language', () => {
    expect(mentions('ワンピの新刊', store.item('MA-0001'))).toBe(true);
    expect(mentions('how much is one piece', store.item('MA-0001'))).toBe(true);
    expect(mentions('Is OP out?', store.item('MA-0001'))).toBe(true);
    expect(mentions('Which shop sells it?', store.item('MA-0001'))).toBe(false);
  });

  it('recognises a pointing-back question', () => {
    expect(refersBack('それの値段は？')).toBe(true);
    expect(refersBack('How much is it?')).toBe(true);
    expect(refersBack('ナルトの値段は？')).toBe(false);
    expect(refersBack('Naruto price')).toBe(false);
  });

  it('keeps the best match unless "it / それ" points at a series named earlier', () => {
    const items = [store.item('MA-0001'), store.item('MA-0002')];
    expect(focusItem(items, 'それの値段は？', [turn('ナルトについて教えて')]).id).toBe('MA-0002');
    expect(
      focusItem(items, 'How much is it?', [turn('Tell me about Naruto'), turn('thanks')]).id,
    ).toBe('MA-0002');
    expect(focusItem(items, 'ONE PIECEの値段は？', [turn('ナルトについて教えて')]).id).toBe(
      'MA-0001',
    );
    expect(focusItem(items, 'それの値段は？', []).id).toBe('MA-0001');
    expect(focusItem([store.item('MA-0001')], 'それは？', [turn('ナルト')]).id).toBe('MA-0001');
  });
});
