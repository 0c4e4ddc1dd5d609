import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { GenerationMetrics } from './generation-metrics';

export const METRICS_LOG_INTERVAL_MS = Symbol('METRICS_LOG_INTERVAL_MS');

/**
 * Logs the generation counters (cache hit rate, turns by class, retries, fallbacks, tokens,
 * cost) every GENERATION_METRICS_LOG_MS, and once more on shutdown; with LOG_FORMAT=json the
 * line is machine-readable for log-based metrics.
 */
@Injectable()
export class MetricsLogReporter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('GenerationMetrics');
  private timer: NodeJS.Timeout | undefined;
  private lastTurns = 0;

  constructor(
    private readonly metrics: GenerationMetrics,
    @Inject(METRICS_LOG_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onModuleInit(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => this.report(false), this.intervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.report(true);
  }

  /** Quiet while idle: a line only when something happened since the last one. */
  report(force: boolean): void {
    const snapshot = this.metrics.snapshot();
    const turns = Object.values(snapshot.turns).reduce((a, b) => a + b, 0);
    if (!force && turns === this.lastTurns) return;
    this.lastTurns = turns;
    this.logger.log(`metrics ${JSON.stringify(snapshot)}`);
  }
}
