import { address, logFormat, millis, parseConfig, port } from '@mangaassist/config';
import { DEVELOPMENT_PSEUDONYM_KEY, eventBusConfigShape } from '@mangaassist/event-bus';
import { z } from 'zod';

export const feedbackConfigSchema = z.object({
  FEEDBACK_HOST: z.string().min(1).default('127.0.0.1'),
  FEEDBACK_PORT: port(50056),
  LOG_FORMAT: logFormat(),
  // Must equal the gateway's key, or feedback and traces carry different session pseudonyms.
  SESSION_PSEUDONYM_KEY: z.string().min(1).default(DEVELOPMENT_PSEUDONYM_KEY),
  GUARDRAILS_ADDR: address('127.0.0.1:50055'),
  GUARDRAILS_DEADLINE_MS: millis(500),
  // EVENT_BUS, EVENT_LOG_PATH, KAFKA_*, EVENT_OUTBOX_*: shared with the other producers.
  ...eventBusConfigShape('feedback'),
});

export type FeedbackConfig = z.infer<typeof feedbackConfigSchema>;

export function loadFeedbackConfig(env: NodeJS.ProcessEnv = process.env): FeedbackConfig {
  return parseConfig('feedback', feedbackConfigSchema, env);
}
