import { EVENT_PUBLISHER, SqliteEventLog } from '@mangaassist/event-bus';
import { type DynamicModule, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
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
export class AppModule implements OnModuleDestroy {
  constructor(@Inject(UPSTREAMS) private readonly upstreams: Upstreams) {}

  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [ChatController, FeedbackController, HealthController, ChatPageController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
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
        // The embedded event bus; the Kafka adapter replaces this provider when configured.
        { provide: EVENT_PUBLISHER, useFactory: () => new SqliteEventLog(config.EVENT_LOG_PATH) },
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
}
