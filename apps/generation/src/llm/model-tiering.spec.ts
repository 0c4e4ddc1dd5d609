import { Intent, Route } from '@mangaassist/contracts';
import type { AnswerRequest } from '../generation/answer-provider';
import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import { chooseTier } from './model-tiering';

describe('chooseTier', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  const request = (
    question: string,
    intent = Intent.PRODUCT_QUESTION,
    ids = ['MA-0001'],
  ): AnswerRequest => ({
    question,
    locale: /[ぁ-んァ-ン一-龯]/.test(question) ? 'ja' : 'en',
    intent,
    route: Route.RAG,
    entities: undefined,
    evidence: store.docs(...ids),
    history: [],
    signedIn: false,
    traceId: '',
  });

  it.each([
    ['ONE PIECEは何巻まで出てる？'],
    ['Who wrote One Piece?'],
    ['ナルトは完結してる？'],
    ['What is Naruto about?'],
  ])('sends a plain question to the fast tier: %s', (question) => {
    expect(chooseTier(request(question))).toEqual({ tier: 'fast', reason: 'default' });
  });

  it.each([
    ['NARUTOとBORUTOの違いは？', ['MA-0002', 'MA-0003']],
    ['Which is better, Naruto or Boruto?', ['MA-0002', 'MA-0003']],
    ['Compare Dragon Ball and Dr. Slump', ['MA-0005', 'MA-0007']],
  ])('sends a comparison to the strong tier: %s', (question, ids) => {
    expect(chooseTier(request(question, Intent.PRODUCT_QUESTION, ids)).reason).toBe('comparison');
  });

  it.each([
    ['進撃みたいなダークなやつおすすめある？'],
    ['Can you recommend something like Death Note?'],
  ])('sends a recommendation search to the strong tier: %s', (question) => {
    expect(chooseTier(request(question, Intent.PRODUCT_SEARCH))).toEqual({
      tier: 'strong',
      reason: 'recommendation',
    });
  });

  it('sends a many-part question to the strong tier', () => {
    expect(
      chooseTier(request('ONE PIECEの作者と出版社と値段と次の巻の発売日を教えて')).reason,
    ).toBe('many_facets');
  });
});
