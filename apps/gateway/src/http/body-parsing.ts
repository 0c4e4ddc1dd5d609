import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Bodies beyond this are refused before parsing; a 2,000-character message fits many times. */
export const BODY_LIMIT_BYTES = 32 * 1024;

/**
 * JSON parsing with errors in the API's own shape. Registered by hand (Nest's parser is off)
 * so that malformed JSON, a wrong content type or an oversized body each get a clear 4xx.
 */
export function installBodyParsing(app: INestApplication): void {
  app.use(
    express.json({
      limit: BODY_LIMIT_BYTES,
      strict: true,
      type: ['application/json', 'application/*+json'],
    }),
  );
  app.use((error: BodyParserError, _req: Request, res: Response, next: NextFunction) => {
    if (error.type === 'entity.parse.failed') {
      res.status(400).json({
        error: { code: 'invalid_json', message: `body is not valid JSON: ${error.message}` },
      });
    } else if (error.type === 'entity.too.large') {
      res.status(413).json({
        error: { code: 'too_large', message: `body is larger than ${BODY_LIMIT_BYTES} bytes` },
      });
    } else if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: { code: 'invalid_request', message: error.message } });
    } else {
      next(error);
    }
  });
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}
