import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from '@bufbuild/protobuf';
import { ClassifyRequestSchema, Intent } from '@mangaassist/contracts';
import { loadStoreSnapshot } from '@mangaassist/store-data';
import { RpcException } from '@nestjs/microservices';
import { loadIntentConfig } from '../app/intent.config';
import { DEFAULT_TRAINING_OPTIONS, trainIntentModel } from '../classifier/intent-training';
import { saveModelArtifact } from '../classifier/model-artifact';
import {
  FIXTURE_DEV_PATH,
  FIXTURE_TRAIN_PATH,
  fixtureExamples,
} from '../classifier/fixtures/fixture-examples';
import { TitleIndex } from '../entities/title-index';
import { TitleExtractor } from '../entities/title.extractor';
import { titleMaskingPreprocessor } from '../entities/title-masking.preprocessor';
import { ModelDirectoryClassifierSource } from './adapters/model-directory.classifier-source';
import { TrainingClassifierSource } from './adapters/training.classifier-source';
import { IntentService } from './intent.service';

const config = loadIntentConfig({});
const request = (text: string) => create(ClassifyRequestSchema, { text });

describe('IntentService', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'intent-service-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers UNAVAILABLE until its model is loaded, and validates first', () => {
    const service = new IntentService(
      config,
      new TrainingClassifierSource(FIXTURE_TRAIN_PATH, FIXTURE_DEV_PATH),
    );
    expect(() => service.classify(request('hello there'))).toThrow(RpcException);
    expect(() => service.classify(request(''))).toThrow(/must not be empty/);
  });

  it('trains from the configured files at init', async () => {
    const service = new IntentService(
      config,
      new TrainingClassifierSource(FIXTURE_TRAIN_PATH, FIXTURE_DEV_PATH),
    );
    await service.onModuleInit();
    expect((await service.classify(request('返品したいです'))).intent).toBe(Intent.RETURN_REFUND);
  });

  it('loads a model directory instead of training, with the same version', async () => {
    const { train, dev } = fixtureExamples();
    const titles = new TitleExtractor(new TitleIndex((await loadStoreSnapshot()).items));
    const model = trainIntentModel(
      train,
      dev,
      DEFAULT_TRAINING_OPTIONS,
      titleMaskingPreprocessor(titles),
    );
    await saveModelArtifact(join(dir, 'masked'), model);
    const service = new IntentService(
      config,
      new ModelDirectoryClassifierSource(join(dir, 'masked')),
    );
    await service.onModuleInit();
    const reply = await service.classify(request('when does the next Kingdom volume come out'));
    expect(reply.modelVersion).toBe(model.version);
    expect(reply.intent).toBe(Intent.RELEASE_PREORDER);
  });

  it('refuses a model trained without title masking', async () => {
    const { train, dev } = fixtureExamples();
    await saveModelArtifact(join(dir, 'plain'), trainIntentModel(train, dev));
    const service = new IntentService(
      config,
      new ModelDirectoryClassifierSource(join(dir, 'plain')),
    );
    await expect(service.onModuleInit()).rejects.toThrow(
      /plain: model was trained with preprocessing "none"/,
    );
  });

  it('refuses a model whose labels are not intents', async () => {
    const toy = [
      { text: 'wake me up at six', intent: 'alarm' },
      { text: 'will it rain', intent: 'weather' },
    ];
    const titles = new TitleExtractor(new TitleIndex((await loadStoreSnapshot()).items));
    const model = trainIntentModel(
      toy,
      toy,
      DEFAULT_TRAINING_OPTIONS,
      titleMaskingPreprocessor(titles),
      { labels: ['alarm', 'weather'] },
    );
    await saveModelArtifact(join(dir, 'alarms'), model);
    const service = new IntentService(
      config,
      new ModelDirectoryClassifierSource(join(dir, 'alarms')),
    );
    await expect(service.onModuleInit()).rejects.toThrow(/labels alarm, weather are not intents/);
  });

  it('fails to start with a message naming a missing training file or model directory', async () => {
    const training = new IntentService(
      config,
      new TrainingClassifierSource('/nonexistent/train.jsonl', FIXTURE_DEV_PATH),
    );
    await expect(training.onModuleInit()).rejects.toThrow(/nonexistent\/train\.jsonl/);
    const loading = new IntentService(
      config,
      new ModelDirectoryClassifierSource('/nonexistent/models/v9'),
    );
    await expect(loading.onModuleInit()).rejects.toThrow(/nonexistent\/models\/v9\/model\.json/);
  });
});
