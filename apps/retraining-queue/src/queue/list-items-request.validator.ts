import type { ListItemsRequest } from '@mangaassist/contracts';
import { invalidArgument } from '@mangaassist/grpc';
import { decodePageToken } from './page-token';
import type { ItemCursor } from './queue-store';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

const TRACE_ID = /^[0-9a-f]{32}$/;
// The range google.protobuf.Timestamp allows: 0001-01-01 to 9999-12-31.
const MIN_SECONDS = -62_135_596_800n;
const MAX_SECONDS = 253_402_300_799n;

export interface ValidListing {
  traceId?: string;
  sinceMs?: number;
  onlyNegative: boolean;
  after?: ItemCursor;
  pageSize: number;
}

/** Checks a ListItems request; throws INVALID_ARGUMENT naming every wrong field. */
export function validateListItemsRequest(request: ListItemsRequest): ValidListing {
  const problems: string[] = [];
  if (request.traceId !== '' && !TRACE_ID.test(request.traceId)) {
    problems.push('trace_id: must be 32 lowercase hex characters');
  }
  let sinceMs: number | undefined;
  if (request.since) {
    const { seconds, nanos } = request.since;
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      problems.push('since: must be between 0001-01-01 and 9999-12-31');
    } else if (nanos < 0 || nanos > 999_999_999) {
      problems.push('since: nanos must be 0 to 999,999,999');
    } else {
      // Items carry millisecond times; round up so "at or after" keeps its meaning.
      sinceMs = Number(seconds) * 1000 + Math.ceil(nanos / 1_000_000);
    }
  }
  if (request.pageSize > MAX_PAGE_SIZE) {
    problems.push(`page_size: must be at most ${MAX_PAGE_SIZE}`);
  }
  let after: ItemCursor | undefined;
  if (request.pageToken !== '') {
    after = decodePageToken(request.pageToken);
    if (!after) problems.push('page_token: not a token from a previous ListItems response');
  }
  if (problems.length > 0) throw invalidArgument(problems.join('; '));
  return {
    traceId: request.traceId === '' ? undefined : request.traceId,
    sinceMs,
    onlyNegative: request.onlyNegative,
    after,
    pageSize: request.pageSize === 0 ? DEFAULT_PAGE_SIZE : request.pageSize,
  };
}
