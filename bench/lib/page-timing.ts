// Opens tracker pages in real Chromium (signed in) and reads their first-paint, load and scroll figures.
import { chromium, type BrowserContext } from 'playwright-core';

const CHROMIUM = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';

export interface PageFigures {
  /** Navigation request start to response start: the tracker's time to its first byte (the page streams). */
  serverMs: number;
  /** Navigation request start to response end: the tracker's time to send the whole page. */
  htmlMs: number;
  dclMs: number;
  fcpMs: number;
  htmlBytes: number;
  /** Frames over 50 ms while scrolling 120 frames of 400 px. */
  longFrames: number;
  worstFrameMs: number;
}

export interface SignedInBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function openBrowser(url: string, apiKey: string): Promise<SignedInBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.close();
  return { context, close: () => browser.close() };
}

export async function measurePage(b: SignedInBrowser, url: string): Promise<PageFigures> {
  const page = await b.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const t = await page.evaluate(async () => {
      // FCP is reported asynchronously after load on a slow machine: wait for it.
      const fcp = await new Promise<number>((resolve) => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) return resolve(seen.startTime);
        new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({
          type: 'paint',
        });
      });
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        serverMs: n.responseStart - n.requestStart,
        htmlMs: n.responseEnd - n.requestStart,
        dclMs: n.domContentLoadedEventEnd,
        fcpMs: fcp,
        htmlBytes: n.decodedBodySize,
      };
    });
    const frames = await page.evaluate(async () => {
      const deltas: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        window.scrollBy(0, 400);
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    });
    return { ...t, longFrames: frames.filter((d) => d > 50).length, worstFrameMs: Math.max(...frames) };
  } finally {
    await page.close();
  }
}
