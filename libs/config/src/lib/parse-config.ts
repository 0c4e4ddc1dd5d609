import { z } from 'zod';

export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`${service}: invalid configuration\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads a service's configuration from the environment once, at start. Every problem is
 * reported with the variable it concerns, so a bad deploy fails at once and says why.
 */
export function parseConfig<S extends z.ZodObject>(
  service: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    // An empty variable means "not set": `FOO= npm start` must not turn a default into ''.
    picked[key] = value === undefined || value.trim() === '' ? undefined : value;
  }
  const result = schema.safeParse(picked);
  if (!result.success) {
    throw new ConfigError(
      service,
      result.error.issues.map((issue) => {
        const variable = issue.path.join('.') || '(environment)';
        const given = picked[String(issue.path[0])];
        return `${variable}: ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
      }),
    );
  }
  return result.data;
}

/** A TCP port variable with a default. */
export function port(defaultPort: number) {
  return z.coerce.number().int().min(1).max(65535).default(defaultPort);
}

/** A host:port address variable with a default (never an empty string). */
export function address(defaultAddress: string) {
  return z
    .string()
    .regex(/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/, 'must be host:port')
    .default(defaultAddress);
}

/** A positive duration in milliseconds with a default. */
export function millis(defaultMs: number) {
  return z.coerce.number().int().positive().max(600_000).default(defaultMs);
}

/** A boolean variable accepting true/false/1/0/yes/no. */
export function flag(defaultValue: boolean) {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(defaultValue ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
}

export function logFormat() {
  return z.enum(['pretty', 'json']).default('pretty');
}
