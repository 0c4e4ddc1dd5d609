import {
  type Context,
  ROOT_CONTEXT,
  type TextMapGetter,
  type TextMapSetter,
  context,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * W3C trace context in event headers. The propagator is used directly rather than through the
 * global API, so headers are read and written the same way whether or not a service registered
 * an OpenTelemetry SDK.
 */
const propagator = new W3CTraceContextPropagator();

const getter: TextMapGetter<Record<string, string>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

const setter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/** The context carried by `traceparent` (and `tracestate`), on top of `base`. */
export function contextFromHeaders(
  headers: Readonly<Record<string, string>>,
  base: Context = ROOT_CONTEXT,
): Context {
  return propagator.extract(base, headers, getter);
}

/** Writes `ctx`'s span into `traceparent`/`tracestate`; leaves the headers alone without one. */
export function injectIntoHeaders(ctx: Context, headers: Record<string, string>): void {
  propagator.inject(ctx, headers, setter);
}

/** The active span's traceparent, or undefined outside any span. */
export function activeTraceparent(): string | undefined {
  if (!trace.getSpanContext(context.active())) return undefined;
  const headers: Record<string, string> = {};
  injectIntoHeaders(context.active(), headers);
  return headers.traceparent;
}
