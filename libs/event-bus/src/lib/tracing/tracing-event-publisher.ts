import {
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  context,
  trace,
} from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import type { EventPublisher, OutgoingEvent } from '../event-bus';
import { type MessagingSystem, publishAttributes } from './messaging-attributes';
import { contextFromHeaders, injectIntoHeaders } from './trace-headers';

export const EVENT_BUS_TRACER = '@mangaassist/event-bus';

/**
 * Wraps a publisher with one `<topic> publish` PRODUCER span per event. The span's parent is
 * the context in the event's own `traceparent` (the chat turn or the rating that produced it;
 * an event may be sent long after, from the outbox), else the active context. The span's
 * context replaces `traceparent`, so the consumer's span becomes its child.
 */
export class TracingEventPublisher implements EventPublisher {
  constructor(
    private readonly inner: EventPublisher,
    private readonly bus: MessagingSystem,
    private readonly tracer: Tracer = trace.getTracer(EVENT_BUS_TRACER),
  ) {}

  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    const spans: Span[] = [];
    const traced = events.map((event) => {
      const parent = contextFromHeaders(event.headers, context.active());
      const span = this.tracer.startSpan(
        `${event.topic} publish`,
        { kind: SpanKind.PRODUCER, attributes: publishAttributes(this.bus, event) },
        parent,
      );
      spans.push(span);
      const headers = { ...event.headers };
      injectIntoHeaders(trace.setSpan(parent, span), headers);
      return { ...event, headers };
    });
    try {
      await this.inner.publish(traced);
    } catch (error) {
      for (const span of spans) {
        span.recordException(error as Error);
        span.setAttribute(ATTR_ERROR_TYPE, (error as Error).name ?? 'Error');
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      }
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
