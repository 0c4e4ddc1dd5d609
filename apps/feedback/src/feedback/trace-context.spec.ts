import { Metadata } from '@grpc/grpc-js';
import { traceparentFrom } from './trace-context';

const VALID = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function metadataWith(value: string | Buffer): Metadata {
  const metadata = new Metadata();
  if (Buffer.isBuffer(value)) metadata.set('traceparent-bin', value);
  else metadata.set('traceparent', value);
  return metadata;
}

describe('traceparentFrom', () => {
  it('returns a well-formed W3C traceparent', () => {
    expect(traceparentFrom(metadataWith(VALID))).toBe(VALID);
  });

  it('is undefined without metadata or without the header', () => {
    expect(traceparentFrom(undefined)).toBeUndefined();
    expect(traceparentFrom(new Metadata())).toBeUndefined();
  });

  it.each([
    ['garbage', 'not-a-trace'],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['an all-zero span id', `00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01`],
    ['the forbidden version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['upper-case hex', VALID.toUpperCase()],
  ])('drops %s', (_name, value) => {
    expect(traceparentFrom(metadataWith(value))).toBeUndefined();
  });
});
