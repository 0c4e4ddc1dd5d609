import { Format, Intent, Locale, Route } from '@mangaassist/contracts';
import { loadStoreSnapshot } from '@mangaassist/store-data';
import { DEFAULT_TRAINING_OPTIONS, trainIntentModel } from '../classifier/intent-training';
import type { IntentModel } from '../classifier/intent-model';
import { titleMaskingPreprocessor } from '../entities/title-masking.preprocessor';
import { fixtureExamples } from '../classifier/fixtures/fixture-examples';
import { EntityExtractor } from '../entities/entity-extractor';
import { TitleIndex } from '../entities/title-index';
import { TitleExtractor } from '../entities/title.extractor';
import { NO_TEXT_CONTENT_CONFIDENCE } from './content-guard';
import { BuiltinIntentClassifier } from './adapters/builtin-intent-classifier';
import { IntentPipeline } from './intent-pipeline';

describe('IntentPipeline', () => {
  const { train, dev } = fixtureExamples();
  let model: IntentModel;
  let pipeline: IntentPipeline;
  let entities: EntityExtractor;

  beforeAll(async () => {
    const titles = new TitleExtractor(new TitleIndex((await loadStoreSnapshot()).items));
    // As in the service: the classifier reads messages with catalog titles masked.
    model = trainIntentModel(
      train,
      dev,
      DEFAULT_TRAINING_OPTIONS,
      titleMaskingPreprocessor(titles),
    );
    entities = new EntityExtractor(titles);
    pipeline = new IntentPipeline(new BuiltinIntentClassifier(model), entities, {
      minConfidence: 0.45,
    });
  });

  it('classifies a Japanese product question about a known title and routes it to RAG', async () => {
    const reply = await pipeline.classify('ONE PIECEは何巻まで出ていますか？', Locale.UNSPECIFIED);
    expect(reply.intent).toBe(Intent.PRODUCT_QUESTION);
    expect(reply.route).toBe(Route.RAG);
    expect(reply.locale).toBe(Locale.JA);
    expect(reply.rule).toBe('');
    expect(reply.modelVersion).toBe(model.version);
    expect(reply.entities?.titleIds).toContain('MA-0001');
  });

  it('classifies an English price question with its entities and routes it to the API', async () => {
    const reply = await pipeline.classify(
      'how much is the kindle version of spy x family vol 3',
      Locale.UNSPECIFIED,
    );
    expect(reply.intent).toBe(Intent.AVAILABILITY_PRICE);
    expect(reply.route).toBe(Route.API);
    expect(reply.locale).toBe(Locale.EN);
    expect(reply.entities).toMatchObject({
      titleIds: ['MA-0019'],
      volume: 3,
      format: Format.KINDLE,
    });
  });

  it('lets a stage-1 rule decide and records its name', async () => {
    const ja = await pipeline.classify('オペレーターにつないでください', Locale.UNSPECIFIED);
    expect(ja).toMatchObject({
      intent: Intent.HUMAN_HANDOFF,
      route: Route.TEMPLATE,
      rule: 'human_handoff_request',
    });
    const en = await pipeline.classify('thanks!', Locale.UNSPECIFIED);
    expect(en).toMatchObject({
      intent: Intent.GREETING_CHITCHAT,
      route: Route.TEMPLATE,
      rule: 'bare_greeting',
    });
    expect(en.confidence).toBeGreaterThan(0.9);
  });

  it('reports up to three alternatives, best first, never the chosen intent', async () => {
    const reply = await pipeline.classify('返品したいです', Locale.UNSPECIFIED);
    const alternatives = reply.alternatives ?? [];
    expect(alternatives).toHaveLength(3);
    expect(alternatives.map((a) => a.intent)).not.toContain(reply.intent);
    for (let i = 1; i < alternatives.length; i++) {
      expect(alternatives[i].probability ?? 0).toBeLessThanOrEqual(
        alternatives[i - 1].probability ?? 0,
      );
    }
  });

  it('keeps the locale the caller gave', async () => {
    expect((await pipeline.classify('ONE PIECE', Locale.JA)).locale).toBe(Locale.JA);
    expect((await pipeline.classify('ワンピースの新刊', Locale.EN)).locale).toBe(Locale.EN);
  });

  it('answers emoji, punctuation or control characters with low-confidence OUT_OF_SCOPE', async () => {
    for (const text of ['🙂🙂🙂', '？？？', '\u0000\u0001', '\uD800']) {
      const reply = await pipeline.classify(text, Locale.UNSPECIFIED);
      expect(reply).toMatchObject({
        intent: Intent.OUT_OF_SCOPE,
        confidence: NO_TEXT_CONTENT_CONFIDENCE,
        route: Route.CLARIFY,
        rule: 'no_text_content',
      });
    }
  });

  it('goes to CLARIFY or LLM when the model is unsure', async () => {
    const unsure = new IntentPipeline(new BuiltinIntentClassifier(model), entities, {
      minConfidence: 1,
    });
    const titled = await unsure.classify('ONE PIECEは何巻まで出ていますか？', Locale.UNSPECIFIED);
    expect(titled.route).toBe(Route.LLM);
    const untitled = await unsure.classify('返品したいです', Locale.UNSPECIFIED);
    expect(untitled.route).toBe(Route.CLARIFY);
  });

  it('predicts out_of_scope as a class of its own', async () => {
    const reply = await pipeline.classify('明日の天気を教えて', Locale.UNSPECIFIED);
    expect(reply.intent).toBe(Intent.OUT_OF_SCOPE);
  });

  it('gives a defined reply for long, odd and mixed-script text', async () => {
    for (const text of [
      'a'.repeat(2000),
      '漫画'.repeat(1000),
      'x\u0000y\uD800z',
      '🙂'.repeat(2000),
      '返品 refund したい 🙏 пожалуйста 환불',
      'ＯＮＥ　ＰＩＥＣＥ 100巻 price?',
      '\u202eorder\u202c 注文 250-1234567-1234567',
    ]) {
      const reply = await pipeline.classify(text, Locale.UNSPECIFIED);
      expect(reply.intent).not.toBe(Intent.UNSPECIFIED);
      expect(reply.confidence).toBeGreaterThan(0);
      expect(reply.confidence).toBeLessThanOrEqual(1);
      expect([Locale.JA, Locale.EN]).toContain(reply.locale);
    }
  });

  it('extracts the order number from mixed Japanese and English', async () => {
    const reply = await pipeline.classify(
      'where is 注文 ２５０－１２３４５６７－１２３４５６７',
      Locale.UNSPECIFIED,
    );
    expect(reply.entities?.orderId).toBe('250-1234567-1234567');
  });
});
