import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';

/** Uniform JSON errors from controllers and unmatched routes: {"error": {"code", "message"}}. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const status = exception.getStatus();
      if (
        typeof body === 'object' &&
        body !== null &&
        typeof (body as { error?: unknown }).error === 'object'
      ) {
        response.status(status).json(body);
        return;
      }
      response
        .status(status)
        .json({ error: { code: httpCode(status), message: exception.message } });
      return;
    }
    this.logger.error(`unhandled error: ${(exception as Error)?.stack ?? String(exception)}`);
    response
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ error: { code: 'internal', message: 'internal error' } });
  }
}

function httpCode(status: number): string {
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status >= 500) return 'internal';
  return 'invalid_request';
}
