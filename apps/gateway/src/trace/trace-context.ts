import { randomBytes } from 'node:crypto';

/** A W3C trace context for one chat turn; every upstream call carries it as `traceparent`. */
export interface TraceContext {
  traceId: string;
  spanId: string;
  traceparent: string;
}

export function newTraceContext(): TraceContext {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}
