import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { chatRequestSchema, parseBody } from '../http/request-schemas';
import { ChatTurnService } from './chat-turn.service';
import type { TurnEvent } from './chat-turn.types';

export const CHAT_STREAM_PATH = '/v1/chat/stream';
const MAX_FRAME_BYTES = 32 * 1024;

/**
 * The streaming chat endpoint. Protocol (JSON text frames):
 *   client -> {"type":"chat","message":"...","sessionId"?: "...","locale"?: "ja"|"en"}
 *   server -> {"type":"delta","text":"..."}*, then {"type":"final",...} or {"type":"error",...}
 * One turn at a time per socket; closing the socket cancels the turn's upstream calls.
 */
@Injectable()
export class ChatSocketServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChatSocketServer.name);
  private server: WebSocketServer | undefined;

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(ChatTurnService) private readonly turns: ChatTurnService,
  ) {}

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.server = new WebSocketServer({
      server: httpServer,
      path: CHAT_STREAM_PATH,
      maxPayload: MAX_FRAME_BYTES,
    });
    this.server.on('connection', (socket) => this.accept(socket));
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.server) return;
    for (const client of this.server.clients) client.close(1001, 'server shutting down');
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const abort = new AbortController();
    let busy = false;
    socket.on('close', () => abort.abort());
    socket.on('error', (error) => this.logger.warn(`socket error: ${error.message}`));
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const request = this.parseFrame(data, isBinary);
      if ('error' in request) {
        send(socket, { type: 'error', code: request.code, message: request.error });
        return;
      }
      if (busy) {
        send(socket, {
          type: 'error',
          code: 'busy',
          message: 'wait for the final frame of the current answer before sending another message',
        });
        return;
      }
      busy = true;
      void this.stream(socket, request.value, abort.signal).finally(() => {
        busy = false;
      });
    });
  }

  private async stream(
    socket: WebSocket,
    request: Parameters<ChatTurnService['run']>[0],
    signal: AbortSignal,
  ): Promise<void> {
    try {
      for await (const event of this.turns.run(request, signal)) {
        if (signal.aborted) return;
        send(socket, event);
      }
    } catch (error) {
      this.logger.error(`stream failed: ${(error as Error).message}`);
      send(socket, { type: 'error', code: 'internal', message: 'internal error' });
    }
  }

  private parseFrame(
    data: RawData,
    isBinary: boolean,
  ): { value: Parameters<ChatTurnService['run']>[0] } | { error: string; code: string } {
    if (isBinary) return { code: 'invalid_request', error: 'send JSON text frames, not binary' };
    let json: unknown;
    try {
      json = JSON.parse(rawToString(data));
    } catch (error) {
      return {
        code: 'invalid_json',
        error: `frame is not valid JSON: ${(error as Error).message}`,
      };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return { code: 'invalid_request', error: 'frame must be a JSON object' };
    }
    const { type, ...rest } = json as Record<string, unknown>;
    if (type !== 'chat') return { code: 'invalid_request', error: 'type: must be "chat"' };
    const parsed = parseBody(chatRequestSchema, rest);
    return parsed.ok ? { value: parsed.value } : { code: 'invalid_request', error: parsed.message };
  }
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function send(
  socket: WebSocket,
  frame: TurnEvent | { type: 'error'; code: string; message: string },
): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}
