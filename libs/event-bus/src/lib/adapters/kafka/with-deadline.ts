export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
}

/** Settles like `work`, or rejects with `message` once `ms` passed without it settling. */
export function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(message)), ms);
  });
  // The abandoned promise may still reject later; that outcome is already accounted for.
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
