import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from '@bufbuild/protobuf';
import { ClassifyRequestSchema, Intent } from '@mangaassist/contracts';
import { RpcException } from '@nestjs/microservices';
import { loadIntentConfig } from '../app/intent.config';
import { DEFAULT_TRAINING_OPTIONS, trainIntentModel } from '../classifier/intent-training';
import { loadStoreSnapshot } from '@mangaassist/store-data';
import { TitleIndex } from '../entities/title-index';
import { TitleExtractor } from '../entities/title.extractor';
import { titleMaskingPreprocessor } from '../entities/title-masking.preprocessor';
import { saveModelArtifact } from '../classifier/model-artifact';
import {
  FIXTURE_DEV_PATH,
  FIXTURE_TRAIN_PATH,
  fixtureExamples,
} from '../classifier/fixtures/fixture-examples';
import { ArtifactFileModelSource } from './adapters/artifact-file.model-source';
import { TrainingModelSource } from './adapters/training.model-source';
import { IntentService } from './intent.service';

const config = loadIntentConfig({});
const request = (text: string) => create(ClassifyRequestSchema, { text });

describe('IntentService', () => {
  it('answers UNAVAILABLE until its model is loaded, and validates first', () => {
    const service = new IntentService(
      config,
      new TrainingModelSource(FIXTURE_TRAIN_PATH, FIXTURE_DEV_PATH),
    );
    expect(() => service.classify(request('hello there'))).toThrow(RpcException);
    expect(() => service.classify(request(''))).toThrow(/must not be empty|INVALID/);
  });

  it('trains from the configured files at init', async () => {
    const service = new IntentService(
      config,
      new TrainingModelSource(FIXTURE_TRAIN_PATH, FIXTURE_DEV_PATH),
    );
    await service.onModuleInit();
    expect(service.classify(request('返品したいです')).intent).toBe(Intent.RETURN_REFUND);
  });

  it('loads a saved artifact instead of training, with the same version', async () => {
    const { train, dev } = fixtureExamples();
    const titles = new TitleExtractor(new TitleIndex((await loadStoreSnapshot()).items));
    const model = trainIntentModel(
      train,
      dev,
      DEFAULT_TRAINING_OPTIONS,
      titleMaskingPreprocessor(titles),
    );
    const dir = await mkdtemp(join(tmpdir(), 'intent-service-'));
    try {
      await saveModelArtifact(join(dir, 'model.json'), model);
      const service = new IntentService(
        config,
        new ArtifactFileModelSource(join(dir, 'model.json')),
      );
      await service.onModuleInit();
      const reply = service.classify(request('when does the next Kingdom volume come out'));
      expect(reply.modelVersion).toBe(model.version);
      expect(reply.intent).toBe(Intent.RELEASE_PREORDER);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an artifact trained without title masking', async () => {
    const { train, dev } = fixtureExamples();
    const dir = await mkdtemp(join(tmpdir(), 'intent-service-'));
    try {
      await saveModelArtifact(join(dir, 'plain.json'), trainIntentModel(train, dev));
      const service = new IntentService(
        config,
        new ArtifactFileModelSource(join(dir, 'plain.json')),
      );
      await expect(service.onModuleInit()).rejects.toThrow(
        /plain\.json: model was trained with preprocessing "none"/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails to start with a message naming a missing training file', async () => {
    const service = new IntentService(
      config,
      new TrainingModelSource('/nonexistent/train.jsonl', FIXTURE_DEV_PATH),
    );
    await expect(service.onModuleInit()).rejects.toThrow(/nonexistent\/train\.jsonl/);
  });
});
