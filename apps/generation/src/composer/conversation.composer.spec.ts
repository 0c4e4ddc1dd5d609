import { Intent, Route } from '@mangaassist/contracts';
import { type StoreFixtures, composeInput, storeFixtures } from '../testing/store.fixtures';
import { composeClarify, composeGreeting, composeOutOfScope } from './conversation.composer';

describe('conversation composers', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  it('greets and says what it can help with', () => {
    const ja = composeGreeting(
      composeInput({ question: 'こんにちは', locale: 'ja', intent: Intent.GREETING_CHITCHAT }),
    );
    expect(ja.text).toMatch(/^こんにちは！/);
    expect(ja.text).toContain('価格や在庫');
    expect(ja.citations).toEqual([]);
    const en = composeGreeting(
      composeInput({ question: 'hi there', locale: 'en', intent: Intent.GREETING_CHITCHAT }),
    );
    expect(en.text).toMatch(/^Hello!/);
    expect(en.text).toContain('release dates');
  });

  it('answers thanks and goodbyes as such', () => {
    expect(composeGreeting(composeInput({ question: 'ありがとう！', locale: 'ja' })).text).toMatch(
      /^どういたしまして/,
    );
    expect(
      composeGreeting(composeInput({ question: 'Thank you so much', locale: 'en' })).text,
    ).toMatch(/^You're welcome/);
    expect(composeGreeting(composeInput({ question: 'bye!', locale: 'en' })).text).toMatch(
      /^Thanks for stopping by/,
    );
  });

  it('declines out-of-scope questions politely with the same list', () => {
    const ja = composeOutOfScope(composeInput({ question: '今日の天気は？', locale: 'ja' }));
    expect(ja.text).toMatch(/^申し訳ありません/);
    expect(ja.text).toContain('ストアのご案内');
    const en = composeOutOfScope(composeInput({ question: "What's the weather?", locale: 'en' }));
    expect(en.text).toMatch(/^Sorry/);
    expect(en.text).toContain('store policies');
  });

  it('asks which series, offering the evidence titles', () => {
    const input = composeInput({ question: 'ドラゴン', locale: 'ja', route: Route.CLARIFY });
    const ja = composeClarify(input, [
      store.item('MA-0005'),
      store.item('MA-0006'),
      store.item('MA-0007'),
      store.item('MA-0044'),
    ]);
    expect(ja.text).toContain('『DRAGON BALL』、『ドラゴンボール超』、『Dr.スランプ』');
    expect(ja.citations.map((c) => c.id)).toEqual(['MA-0005', 'MA-0006', 'MA-0007']);
    const en = composeClarify(composeInput({ question: 'dragon', locale: 'en' }), [
      store.item('MA-0005'),
      store.item('MA-0006'),
    ]);
    expect(en.text).toContain('do you mean Dragon Ball or Dragon Ball Super?');
  });

  it('asks an open clarifying question without evidence', () => {
    const en = composeClarify(composeInput({ question: 'hmm', locale: 'en' }), []);
    expect(en.text).toContain('could you tell me a bit more');
    expect(en.citations).toEqual([]);
    expect(composeClarify(composeInput({ question: 'えっと', locale: 'ja' }), []).text).toContain(
      'もう少し詳しく',
    );
  });
});
