import { timestampMs } from '@bufbuild/protobuf/wkt';
import type { QueueItem } from '@mangaassist/contracts';
import type { ItemCursor, QueueStore } from '../queue/queue-store';

export interface PageQuery {
  /** Only items updated at or after this time. */
  sinceMs?: number;
  /** Only items updated before this time. */
  untilMs?: number;
  onlyNegative: boolean;
  /** Resume after this position. */
  after?: ItemCursor;
  pageSize: number;
}

/**
 * Pages through the queue in listing order (updated_at, trace_id), one page in memory at a
 * time. An item that changes while the pages are read moves to the end of the order, so it
 * may be yielded twice, the later copy newer; nothing that exists when the walk starts is
 * skipped.
 */
export async function* queuePages(
  store: QueueStore,
  query: PageQuery,
): AsyncGenerator<QueueItem[], void, undefined> {
  let after = query.after;
  for (;;) {
    const page = await store.listItems({
      sinceMs: query.sinceMs,
      onlyNegative: query.onlyNegative,
      after,
      limit: query.pageSize,
    });
    const last = page.at(-1);
    if (!last) return;
    const untilMs = query.untilMs;
    if (untilMs !== undefined) {
      const before = page.filter((item) => updatedAtMs(item) < untilMs);
      if (before.length > 0) yield before;
      if (before.length < page.length) return;
    } else {
      yield page;
    }
    if (page.length < query.pageSize) return;
    after = { updatedAtMs: updatedAtMs(last), traceId: last.traceId };
  }
}

function updatedAtMs(item: QueueItem): number {
  if (!item.updatedAt) throw new Error(`queue item ${item.traceId} has no updated_at`);
  return timestampMs(item.updatedAt);
}
