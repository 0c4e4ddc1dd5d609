import { type AnswerCache, DisabledAnswerCache } from '../cache/answer-cache';
import { LocalComposerProvider } from '../generation/adapters/local-composer.provider';
import type { AnswerProvider, AnswerProviders } from '../generation/answer-provider';
import { GenerationService } from '../generation/generation.service';
import { GenerationMetrics } from '../metrics/generation-metrics';

export interface ServiceUnderTest {
  service: GenerationService;
  metrics: GenerationMetrics;
  composer: LocalComposerProvider;
}

/**
 * A GenerationService with the real composer for composer-only turns and, for turns that may
 * use a model, the given provider (the composer too when none is given).
 */
export function generationServiceWith(
  options: { model?: AnswerProvider; cache?: AnswerCache; cacheTtlMs?: number } = {},
): ServiceUnderTest {
  const composer = new LocalComposerProvider();
  const providers: AnswerProviders = {
    composer,
    forTier: () => options.model ?? composer,
  };
  const metrics = new GenerationMetrics();
  const service = new GenerationService(
    providers,
    options.cache ?? new DisabledAnswerCache(),
    metrics,
    options.cacheTtlMs ?? 60_000,
  );
  return { service, metrics, composer };
}
