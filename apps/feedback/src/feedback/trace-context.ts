import type { Metadata } from '@grpc/grpc-js';
import { HEADERS } from '@mangaassist/event-bus';

// W3C trace context: version-traceid-parentid-flags, version ff is forbidden, ids never all zero.
const TRACEPARENT = /^(?!ff)[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The caller's traceparent, when it sent a well-formed one. A malformed header is dropped
 * rather than copied into an event header where every consumer would have to cope with it.
 */
export function traceparentFrom(metadata: Metadata | undefined): string | undefined {
  const value = metadata?.get(HEADERS.traceparent)[0];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return TRACEPARENT.test(trimmed) ? trimmed : undefined;
}
