import { EVENT_BUS, EVENT_PUBLISHER, type EventBus, createEventBus } from '@mangaassist/event-bus';
import { TELEMETRY, type Telemetry, setupTelemetry } from '@mangaassist/telemetry';
import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ChatController } from '../chat/chat.controller';
import { ChatSocketServer } from '../chat/chat-socket.server';
import { ChatTurnService } from '../chat/chat-turn.service';
import { SessionStore } from '../chat/session-store';
import { SESSION_STORE } from '../chat/session-store.token';
import { FeedbackController } from '../feedback/feedback.controller';
import { HealthController } from '../health/health.controller';
import { TRACE_RECORDER, TRACE_RECORDER_OPTIONS, TraceRecorder } from '../trace/trace-recorder';
import { UPSTREAMS, Upstreams } from '../upstream/upstream-clients';
import { ChatPageController } from '../web/chat-page.controller';
import type { GatewayConfig } from './gateway.config';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

@Module({})
export class AppModule implements OnModuleDestroy, OnApplicationShutdown {
  constructor(
    @Inject(UPSTREAMS) private readonly upstreams: Upstreams,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(TELEMETRY) private readonly telemetry: Telemetry,
  ) {}

  static forConfig(config: GatewayConfig): DynamicModule {
    // Before Nest starts, so a bad OTEL_* variable stops the process with its name.
    const telemetry = setupTelemetry({ serviceName: 'gateway' });
    return {
      module: AppModule,
      controllers: [ChatController, FeedbackController, HealthController, ChatPageController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: TELEMETRY, useValue: telemetry },
        { provide: UPSTREAMS, useFactory: () => new Upstreams(config) },
        {
          provide: SESSION_STORE,
          useFactory: () =>
            new SessionStore(
              config.SESSION_HISTORY_TURNS,
              config.SESSION_TTL_MS,
              config.SESSION_MAX,
            ),
        },
        {
          provide: EVENT_BUS,
          useFactory: () => {
            // Trace events the broker does not take go to the outbox: a turn never waits on it.
            const bus = createEventBus(config, { service: 'gateway', outbox: true });
            new Logger('EventBus').log(`trace events go to ${bus.describe()}`);
            return bus;
          },
        },
        {
          provide: EVENT_PUBLISHER,
          useFactory: (bus: EventBus) => bus.publisher,
          inject: [EVENT_BUS],
        },
        {
          provide: TRACE_RECORDER_OPTIONS,
          useValue: {
            pseudonymKey: config.SESSION_PSEUDONYM_KEY,
            bufferMax: config.TRACE_BUFFER_MAX,
          },
        },
        { provide: TRACE_RECORDER, useClass: TraceRecorder },
        ChatTurnService,
        ChatSocketServer,
      ],
    };
  }

  onModuleDestroy(): void {
    this.upstreams.close();
  }

  // After every onModuleDestroy, so the trace recorder has handed its buffer to the bus.
  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await this.telemetry.shutdown();
  }
}
