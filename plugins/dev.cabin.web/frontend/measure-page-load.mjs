// Page load to an editable editor, as BrowserTest measures it (open the page, wait for the studio, open FILE
// from the tree, click into its text), in Chromium, ROUNDS times in one new browser profile (on disk, as a
// person's is: a private profile keeps no compiled code): the first is a first visit, the later ones come back
// with the browser's cache. Each round prints its milestones, where the page's main thread spent its time
// (Chromium's Performance metrics: script, style and layout, all tasks), and the CPU time of the browser's
// processes during the round, which a busy machine disturbs less than the wall clock.
// Usage: node measure-page-load.mjs URL FILE [ROUNDS]   (URL: what cabin web printed)
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const [url, file, rounds = '4'] = process.argv.slice(2);
const profile = mkdtempSync(path.join(tmpdir(), 'cabin-page-load-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CABIN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'], viewport: { width: 1280, height: 800 } });
const browserCdp = await context.browser()?.newBrowserCDPSession() ?? null;
// the CPU seconds of all the browser's processes so far
const cpuSeconds = async () => (await browserCdp.send('SystemInfo.getProcessInfo')).processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
try {
  const totals = [];
  for (let round = 1; round <= Number(rounds); round++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpuBefore = await cpuSeconds();
    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    const ready = Date.now() - started;
    await page.click(`#files span[data-path="${file}"]`);
    await page.waitForSelector('.monaco-editor .view-line', { timeout: 120_000 });
    await page.click('.monaco-editor .view-lines');
    const editable = Date.now() - started;
    const cpu = ((await cpuSeconds()) - cpuBefore) * 1000;
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const scripts = performance.getEntriesByType('resource').filter((r) => /\.(js|css)(\?|$)/.test(r.name))
        .map((r) => `${r.name.split('/').pop()} ${(r.encodedBodySize / 1024).toFixed(0)} KiB sent${r.transferSize === 0 ? ' (from cache)' : ''}, ${r.duration.toFixed(0)} ms`);
      return { domContentLoaded: navigation.domContentLoadedEventEnd.toFixed(0), scripts };
    });
    const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
    console.log(`round ${round}: editable ${editable} ms (studio ready ${ready} ms, DOMContentLoaded ${timing.domContentLoaded} ms); browser CPU ${cpu.toFixed(0)} ms; `
      + `main thread: script ${ms(metrics.ScriptDuration)}, style+layout ${ms(metrics.RecalcStyleDuration + metrics.LayoutDuration)}, all tasks ${ms(metrics.TaskDuration)}; `
      + timing.scripts.join('; '));
    totals.push(`${editable} ms (CPU ${cpu.toFixed(0)} ms)`);
    await page.close();
  }
  console.log(`page load to an editable editor: first visit ${totals[0]}, later visits ${totals.slice(1).join(', ')}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
