import { context, propagation, trace } from '@opentelemetry/api';
import { parseConfig } from '@mangaassist/config';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { z } from 'zod';

const EXPORTERS = ['none', 'otlp', 'console'] as const;

/**
 * The standard OTEL_* variables this setup honours itself. The rest (OTEL_SERVICE_NAME,
 * OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER[_ARG], OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT and
 * _HEADERS, OTEL_BSP_*) are read by the SDK and the exporter themselves.
 */
const otelSchema = z.object({
  OTEL_SDK_DISABLED: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  // Comma-separated, as the specification says. No exporter unless asked.
  OTEL_TRACES_EXPORTER: z
    .string()
    .default('none')
    .transform((v) => v.split(',').map((e) => e.trim().toLowerCase()))
    .refine((list) => list.every((e) => (EXPORTERS as readonly string[]).includes(e)), {
      message: `must be a comma-separated list of ${EXPORTERS.join(', ')}`,
    }),
  // The bundled exporter speaks OTLP over HTTP with JSON bodies; refuse anything else loudly
  // rather than exporting into the void.
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/json']).default('http/json'),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: z.enum(['http/json']).default('http/json'),
});

export interface TelemetryOptions {
  /** service.name unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say otherwise. */
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /** Tests pass an in-memory exporter; it is used with a synchronous processor. */
  exporter?: SpanExporter;
}

export interface Telemetry {
  /** Undefined when OTEL_SDK_DISABLED=true or no exporter is configured. */
  readonly provider: NodeTracerProvider | undefined;
  forceFlush(): Promise<void>;
  /** Flushes, then unregisters the globals so a later setup (tests) can register again. */
  shutdown(): Promise<void>;
}

export const TELEMETRY = Symbol('TELEMETRY');

/**
 * Registers the OpenTelemetry tracer provider, the async-local context manager and the W3C
 * trace-context propagator for one service, configured only by the standard OTEL_* variables.
 */
export function setupTelemetry(options: TelemetryOptions): Telemetry {
  const env = options.env ?? process.env;
  const config = parseConfig('telemetry', otelSchema, env);
  const processors: SpanProcessor[] = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  for (const name of new Set(config.OTEL_TRACES_EXPORTER)) {
    if (name === 'otlp') processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
    if (name === 'console') processors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  }
  // With nowhere to send spans, registering an SDK would only cost time per event. The API's
  // no-op spans still carry the incoming context, so a traceparent passes through unchanged
  // and consumers join the producing trace all the same.
  if (config.OTEL_SDK_DISABLED || processors.length === 0) {
    return {
      provider: undefined,
      forceFlush: async () => undefined,
      shutdown: async () => undefined,
    };
  }
  // Later resources win: our default name, then whatever the environment declares.
  const resource = defaultResource()
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: processors });
  provider.register();
  return {
    provider,
    forceFlush: () => provider.forceFlush(),
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
