import { z } from 'zod';

export const MAX_MESSAGE_CHARS = 2000;
const sessionId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'may contain only letters, digits and . _ : -');

/** POST /v1/chat and the WebSocket "chat" frame. Unknown fields are refused, not ignored. */
export const chatRequestSchema = z.strictObject({
  message: z
    .string()
    .refine((m) => m.trim().length > 0, 'must not be empty')
    .refine(
      (m) => m.length <= MAX_MESSAGE_CHARS,
      `must be at most ${MAX_MESSAGE_CHARS} characters`,
    ),
  sessionId: sessionId.optional(),
  locale: z.enum(['ja', 'en']).optional(),
});

/** POST /v1/feedback. */
export const feedbackRequestSchema = z.strictObject({
  traceId: z.string().regex(/^[0-9a-f]{32}$/, 'must be the 32-character trace id of an answer'),
  sessionId,
  rating: z.enum(['up', 'down']),
  reason: z
    .enum(['wrong_answer', 'wrong_item', 'not_helpful', 'unsafe', 'too_slow', 'other'])
    .optional(),
  comment: z.string().max(1000, 'must be at most 1000 characters').optional(),
});

export type ChatRequestBody = z.infer<typeof chatRequestSchema>;
export type FeedbackRequestBody = z.infer<typeof feedbackRequestSchema>;

/** One readable line per problem: "message: must not be empty", "unknown field: foo". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
      const path = issue.path.join('.') || 'body';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

export function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; message: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'body must be a JSON object' };
  }
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: describeIssues(parsed.error) };
}
