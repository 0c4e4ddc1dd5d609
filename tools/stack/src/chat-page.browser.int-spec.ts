import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type RunningStack, SERVICES, startStack } from '@mangaassist/stack';
import { freePort } from '@mangaassist/testing';
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The chat page in a real browser against the real stack: a shopper types a question, the
 * answer streams into the page with its sources, and a thumbs-down is accepted.
 */
describe('chat page in Chromium', () => {
  const root = resolve(__dirname, '../../..');
  const dataDir = mkdtempSync(join(tmpdir(), 'mangaassist-page-'));
  let stack: RunningStack;
  let gatewayUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`,
      );
    }
    const ports: Record<string, number> = {};
    for (const spec of SERVICES) ports[spec.name] = await freePort();
    stack = await startStack({
      root,
      ports,
      env: {
        EVENT_LOG_PATH: join(dataDir, 'events.db'),
        RETRAINING_DB_PATH: join(dataDir, 'retraining.db'),
        LOG_FORMAT: 'json',
      },
      readyTimeoutMs: 90_000,
    });
    gatewayUrl = stack.gatewayUrl ?? '';
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('streams an answer with its sources and takes a thumbs-down', async () => {
    const page = await browser.newPage();
    await page.goto(`${gatewayUrl}/`);
    await page.fill('#text', 'ONE PIECEは何巻まで出ていますか？');
    await page.click('button.send');
    const answer = page.locator('.msg.assistant').first();
    await answer.locator('.meta').waitFor({ timeout: 10_000 });
    const text = await answer.innerText();
    expect(text).toContain('116');
    expect(text).toContain('MA-0001');

    const feedback = page.waitForResponse((r) => r.url().endsWith('/v1/feedback'));
    await answer.locator('button', { hasText: '👎' }).click();
    expect((await feedback).status()).toBe(202);
    await answer.getByText('Thanks!').waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(dataDir, 'chat-page.png') });
  }, 30_000);
});
