import { HttpException, HttpStatus } from '@nestjs/common';

/** Every HTTP error body has this shape: {"error": {"code", "message"}}. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string) {
    super({ error: { code, message } }, status);
  }

  static badRequest(message: string): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, 'invalid_request', message);
  }
}
