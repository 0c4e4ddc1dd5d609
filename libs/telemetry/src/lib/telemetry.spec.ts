import { ConfigError } from '@mangaassist/config';
import { SpanKind, context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { setupTelemetry } from './telemetry';

describe('setupTelemetry', () => {
  it('registers a provider whose spans carry the service name and nest through async code', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = setupTelemetry({ serviceName: 'feedback', env: {}, exporter });
    try {
      const tracer = trace.getTracer('test');
      await tracer.startActiveSpan('outer', async (outer) => {
        await new Promise((r) => setTimeout(r, 1));
        // The async-local context manager keeps `outer` active across the await.
        tracer.startSpan('inner', { kind: SpanKind.PRODUCER }, context.active()).end();
        outer.end();
      });
      const [inner, outer] = exporter.getFinishedSpans();
      expect(inner.name).toBe('inner');
      expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
      expect(outer.resource.attributes['service.name']).toBe('feedback');
    } finally {
      await telemetry.shutdown();
    }
  });

  it('registers nothing without an exporter, so a producing context passes through unchanged', async () => {
    const telemetry = setupTelemetry({ serviceName: 'gateway', env: {} });
    expect(telemetry.provider).toBeUndefined();
    const parent = trace.setSpanContext(context.active(), {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
    });
    const span = trace.getTracer('test').startSpan('x', {}, parent);
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().spanId).toBe('b7ad6b7169203331');
    await telemetry.shutdown();
  });

  it('registers a console exporter when OTEL_TRACES_EXPORTER asks for one', async () => {
    const telemetry = setupTelemetry({
      serviceName: 'gateway',
      env: { OTEL_TRACES_EXPORTER: 'console' },
    });
    try {
      expect(telemetry.provider).toBeDefined();
      expect(trace.getTracer('test').startSpan('x').isRecording()).toBe(true);
    } finally {
      await telemetry.shutdown();
    }
  });

  // The OTLP exporter loads node:http with a dynamic import, which Jest's module sandbox cannot
  // run; tools/kafka's reliability test checks OTLP export from real service processes.

  it('names a bad OTEL_* variable', () => {
    expect(() =>
      setupTelemetry({ serviceName: 'x', env: { OTEL_TRACES_EXPORTER: 'otlp,zipkin' } }),
    ).toThrow(/OTEL_TRACES_EXPORTER: must be a comma-separated list of none, otlp, console/);
    expect(() =>
      setupTelemetry({ serviceName: 'x', env: { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' } }),
    ).toThrow(ConfigError);
  });

  it('does nothing when OTEL_SDK_DISABLED=true', async () => {
    const telemetry = setupTelemetry({ serviceName: 'x', env: { OTEL_SDK_DISABLED: 'true' } });
    expect(telemetry.provider).toBeUndefined();
    expect(trace.getTracer('t').startSpan('s').isRecording()).toBe(false);
    await telemetry.shutdown();
  });
});
