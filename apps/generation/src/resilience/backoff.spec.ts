import { abortableSleep, backoffDelayMs } from './backoff';

describe('backoffDelayMs (full jitter)', () => {
  it('stays within base * 2^retry, capped', () => {
    expect(backoffDelayMs(0, 100, 2000, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, 100, 2000, () => 0.999)).toBe(799);
    expect(backoffDelayMs(10, 100, 2000, () => 0.999)).toBe(1998);
    expect(backoffDelayMs(2, 100, 2000, () => 0)).toBe(0);
  });

  it('spreads retries at random (no two pods wait the same)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelayMs(4, 100, 5000, random)));
    expect(delays.size).toBeGreaterThan(15);
  });

  it('honours a server Retry-After within the cap', () => {
    expect(backoffDelayMs(0, 100, 2000, () => 0, 1500)).toBe(1500);
    expect(backoffDelayMs(0, 100, 2000, () => 0, 60_000)).toBe(2000);
  });
});

describe('abortableSleep', () => {
  it('rejects as soon as the signal aborts', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const sleeping = abortableSleep(10_000, abort.signal);
    setTimeout(() => abort.abort(new Error('stop')), 10);
    await expect(sleeping).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
