import { create } from '@bufbuild/protobuf';
import { timestampMs } from '@bufbuild/protobuf/wkt';
import {
  type ListItemsRequest,
  type ListItemsResponse,
  ListItemsResponseSchema,
} from '@mangaassist/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { validateListItemsRequest } from './list-items-request.validator';
import { encodePageToken } from './page-token';
import { QUEUE_STORE, type QueueStore } from './queue-store';

/** Pages through the queue for exports, oldest update first. */
@Injectable()
export class QueueService {
  constructor(@Inject(QUEUE_STORE) private readonly store: QueueStore) {}

  async listItems(request: ListItemsRequest): Promise<ListItemsResponse> {
    const listing = validateListItemsRequest(request);
    // One more than the page tells whether another page follows without a count query.
    const items = await this.store.listItems({
      traceId: listing.traceId,
      sinceMs: listing.sinceMs,
      onlyNegative: listing.onlyNegative,
      after: listing.after,
      limit: listing.pageSize + 1,
    });
    const page = items.slice(0, listing.pageSize);
    const last = page.at(-1);
    const nextPageToken =
      items.length > listing.pageSize && last?.updatedAt
        ? encodePageToken({ updatedAtMs: timestampMs(last.updatedAt), traceId: last.traceId })
        : '';
    return create(ListItemsResponseSchema, { items: page, nextPageToken });
  }
}
