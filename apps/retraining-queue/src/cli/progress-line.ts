import type { Writable } from 'node:stream';
import type { ExportProgress } from '../export/queue-exporter';

export interface ProgressLineOptions {
  /** On a terminal the line is redrawn in place; in a log it is repeated at most this often. */
  isTTY: boolean;
  intervalMs?: number;
  /** Monotonic milliseconds; tests pin it. */
  now?: () => number;
}

/** The "exported N items (M negative), R items/s" line an export keeps on stderr. */
export class ProgressLine {
  private lastShownAt = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly stream: Writable,
    private readonly options: ProgressLineOptions,
  ) {
    this.intervalMs = options.intervalMs ?? (options.isTTY ? 100 : 2000);
    this.now = options.now ?? (() => performance.now());
  }

  update(progress: ExportProgress): void {
    const at = this.now();
    if (at - this.lastShownAt < this.intervalMs) return;
    this.lastShownAt = at;
    this.show(progress);
  }

  /** Ends the redrawn line so the summary starts on its own. */
  finish(): void {
    if (this.options.isTTY && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }

  private show(progress: ExportProgress): void {
    const line = `exported ${count(progress.items)} items (${count(progress.negative)} negative), ${count(rate(progress))} items/s`;
    if (this.options.isTTY) {
      this.stream.write(`\r\x1b[2K${line}`);
      this.drawn = true;
    } else {
      this.stream.write(`${line}\n`);
    }
  }
}

export function rate(progress: ExportProgress): number {
  return progress.elapsedMs > 0 ? Math.round((progress.items / progress.elapsedMs) * 1000) : 0;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
