import { Controller, Get, Header } from '@nestjs/common';
import { CHAT_PAGE_HTML } from './chat-page.html';

@Controller()
export class ChatPageController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  page(): string {
    return CHAT_PAGE_HTML;
  }
}
