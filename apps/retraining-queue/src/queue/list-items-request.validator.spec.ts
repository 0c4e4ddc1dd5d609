import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { status } from '@grpc/grpc-js';
import { type ListItemsRequest, ListItemsRequestSchema } from '@mangaassist/contracts';
import { RpcException } from '@nestjs/microservices';
import { validateListItemsRequest } from './list-items-request.validator';
import { encodePageToken } from './page-token';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

type Fields = Partial<Omit<ListItemsRequest, '$typeName' | '$unknown'>>;

function request(fields: Fields = {}): ListItemsRequest {
  return create(ListItemsRequestSchema, fields);
}

function problemOf(fields: Fields): string {
  try {
    validateListItemsRequest(request(fields));
  } catch (error) {
    expect(error).toBeInstanceOf(RpcException);
    const payload = (error as RpcException).getError() as { code: number; message: string };
    expect(payload.code).toBe(status.INVALID_ARGUMENT);
    return payload.message;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('validateListItemsRequest', () => {
  it('defaults an empty request to the first 100 items of everything', () => {
    expect(validateListItemsRequest(request())).toEqual({
      traceId: undefined,
      sinceMs: undefined,
      onlyNegative: false,
      after: undefined,
      pageSize: 100,
    });
  });

  it('passes filters, the page size and the cursor through', () => {
    const cursor = { updatedAtMs: 5000, traceId: TRACE_ID };
    expect(
      validateListItemsRequest(
        request({
          traceId: TRACE_ID,
          since: timestampFromMs(1234),
          onlyNegative: true,
          pageSize: 500,
          pageToken: encodePageToken(cursor),
        }),
      ),
    ).toEqual({
      traceId: TRACE_ID,
      sinceMs: 1234,
      onlyNegative: true,
      after: cursor,
      pageSize: 500,
    });
  });

  it('rounds a sub-millisecond since up, keeping "at or after"', () => {
    const since = timestampFromMs(1000);
    since.nanos += 1;
    expect(validateListItemsRequest(request({ since })).sinceMs).toBe(1001);
  });

  it('rejects a page size over 500', () => {
    expect(problemOf({ pageSize: 501 })).toBe('page_size: must be at most 500');
  });

  it.each([
    ['garbage', 'garbage!'],
    ['Japanese', '次'],
    ['a truncated token', encodePageToken({ updatedAtMs: 1, traceId: TRACE_ID }).slice(0, 10)],
  ])('rejects a %s page token', (_name, pageToken) => {
    expect(problemOf({ pageToken })).toBe(
      'page_token: not a token from a previous ListItems response',
    );
  });

  it.each([
    ['upper case', TRACE_ID.toUpperCase()],
    ['too short', 'abc'],
    ['Japanese', 'トレース'],
  ])('rejects a %s trace id filter', (_name, traceId) => {
    expect(problemOf({ traceId })).toBe('trace_id: must be 32 lowercase hex characters');
  });

  it('rejects a since outside the Timestamp range or with bad nanos', () => {
    const farFuture = timestampFromMs(0);
    farFuture.seconds = 253_402_300_800n;
    expect(problemOf({ since: farFuture })).toMatch(/^since: must be between/);
    const badNanos = timestampFromMs(0);
    badNanos.nanos = 1_000_000_000;
    expect(problemOf({ since: badNanos })).toBe('since: nanos must be 0 to 999,999,999');
  });
});
