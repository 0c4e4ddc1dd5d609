import { logFormat, parseConfig, port } from '@mangaassist/config';
import { z } from 'zod';

export const generationConfigSchema = z.object({
  GENERATION_HOST: z.string().min(1).default('127.0.0.1'),
  GENERATION_PORT: port(50054),
  LOG_FORMAT: logFormat(),
  /** Which AnswerProvider writes answers; Bedrock and OpenAI-compatible adapters join later. */
  GENERATION_PROVIDER: z.enum(['local']).default('local'),
});

export type GenerationConfig = z.infer<typeof generationConfigSchema>;

export function loadGenerationConfig(env: NodeJS.ProcessEnv = process.env): GenerationConfig {
  return parseConfig('generation', generationConfigSchema, env);
}
