import { SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import type { ConsumeOptions, EventConsumer } from '../event-bus';
import { type MessagingSystem, processAttributes } from './messaging-attributes';
import { contextFromHeaders } from './trace-headers';
import { EVENT_BUS_TRACER } from './tracing-event-publisher';

/**
 * Wraps a consumer so each handler call runs inside a `<topic> process` CONSUMER span whose
 * parent is the producer span named by the event's `traceparent`: the processing joins the
 * trace of the chat turn or rating that produced the event. Work the handler does (a store
 * write, a dead letter) is a child of it. Each retry of a failing handler is its own span.
 */
export class TracingEventConsumer implements EventConsumer {
  constructor(
    private readonly inner: EventConsumer,
    private readonly bus: MessagingSystem,
    private readonly tracer: Tracer = trace.getTracer(EVENT_BUS_TRACER),
  ) {}

  start(options: ConsumeOptions): Promise<void> {
    return this.inner.start({
      ...options,
      handle: (event) =>
        this.tracer.startActiveSpan(
          `${event.topic} process`,
          {
            kind: SpanKind.CONSUMER,
            attributes: processAttributes(this.bus, event, options.groupId),
          },
          contextFromHeaders(event.headers),
          async (span) => {
            try {
              await options.handle(event);
            } catch (error) {
              span.recordException(error as Error);
              span.setAttribute(ATTR_ERROR_TYPE, (error as Error).name ?? 'Error');
              span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
              throw error;
            } finally {
              span.end();
            }
          },
        ),
    });
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }
}
