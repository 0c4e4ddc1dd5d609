/**
 * "Full jitter" exponential backoff (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * a uniformly random wait up to base * 2^retry, capped. Spreading retries at random keeps a
 * fleet of generation pods that were throttled together from retrying together.
 */
export function backoffDelayMs(
  retry: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
  const jittered = Math.floor(random() * ceiling);
  // A server that says when to come back knows better than the formula, within the cap.
  return retryAfterMs === undefined ? jittered : Math.min(maxMs, Math.max(jittered, retryAfterMs));
}

/** Waits, or rejects as soon as the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
