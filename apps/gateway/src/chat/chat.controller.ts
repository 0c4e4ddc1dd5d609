import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiError } from '../http/api-error';
import { chatRequestSchema, parseBody } from '../http/request-schemas';
import { ChatTurnService } from './chat-turn.service';
import type { TurnFinal } from './chat-turn.types';

type ChatResponse = Omit<TurnFinal, 'type' | 'replaced'>;

@Controller('v1/chat')
export class ChatController {
  constructor(@Inject(ChatTurnService) private readonly turns: ChatTurnService) {}

  /** One turn answered whole; the WebSocket endpoint streams the same turn instead. */
  @Post()
  @HttpCode(HttpStatus.OK)
  async chat(@Body() body: unknown): Promise<ChatResponse> {
    const parsed = parseBody(chatRequestSchema, body);
    if (!parsed.ok) throw ApiError.badRequest(parsed.message);
    for await (const event of this.turns.run(parsed.value)) {
      if (event.type === 'final') {
        const { type: _type, replaced: _replaced, ...response } = event;
        return response;
      }
      if (event.type === 'error') {
        throw new ApiError(
          event.code === 'invalid_request'
            ? HttpStatus.BAD_REQUEST
            : HttpStatus.SERVICE_UNAVAILABLE,
          event.code,
          event.message,
        );
      }
    }
    throw new ApiError(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'internal',
      'the turn ended without an answer',
    );
  }
}
