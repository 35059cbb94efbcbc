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
// A person opens the URL in a browser that is running already: its own start (processes, the profile's first
// files) is not the page's. So the browser first shows a blank page and then settles, before the first visit;
// CABIN_COLD_BROWSER=1 measures the first visit in a browser that has just started instead.
async function settle() {
  const blank = await context.newPage();
  await blank.goto('about:blank');
  for (let waited = 0, before = await cpuSeconds(); waited < 10_000; waited += 500) {
    await blank.waitForTimeout(500);
    const now = await cpuSeconds();
    if (now - before < 0.025) break;
    before = now;
  }
  await blank.close();
}
/*
 * The page's own milestones, each taken once the frame that shows it is painted and the page's main thread is idle
 * (so that a click then would be handled at once): the studio ready (from the navigation's start), and the file
 * shown (from the moment the browser received the click on it in the tree). Their sum is the time the page needs
 * until its editor can be typed in, without the time this script (Playwright polling over CDP on a busy 2-core
 * machine) takes to notice a milestone and click: 0.2-0.5 s per step, seen in Chromium's trace.
 */
function recordMilestones() {
  const milestones = (window.cabinPageLoad = {});
  const afterPaint = (name) => requestAnimationFrame(() => setTimeout(() =>
    requestIdleCallback(() => { milestones[name] = performance.now(); }, { timeout: 10_000 })));
  const watch = (found, name) => {
    const observer = new MutationObserver(() => {
      if (found()) {
        observer.disconnect();
        afterPaint(name);
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  };
  watch(() => document.body?.dataset.ready === 'true', 'ready');
  addEventListener('mousedown', (event) => {
    if (milestones.clicked === undefined && event.target.closest?.('#files')) {
      milestones.clicked = event.timeStamp;
      watch(() => document.querySelector('.monaco-editor .view-line'), 'shown');
    }
  }, true);
}
await context.addInitScript(recordMilestones);
try {
  if (!process.env.CABIN_COLD_BROWSER) await settle();
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
    await page.waitForFunction(() => window.cabinPageLoad.shown !== undefined);
    const inPage = await page.evaluate(() => {
      const { ready, clicked, shown } = window.cabinPageLoad;
      return { ready: Math.round(ready), open: Math.round(shown - clicked), editable: Math.round(ready + shown - clicked) };
    });
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const scripts = performance.getEntriesByType('resource').filter((r) => /\.(js|css)(\?|$)/.test(r.name))
        .map((r) => `${r.name.split('/').pop()} ${(r.encodedBodySize / 1024).toFixed(0)} KiB sent${r.transferSize === 0 ? ' (from cache)' : ''}, ${r.duration.toFixed(0)} ms`);
      return { domContentLoaded: navigation.domContentLoadedEventEnd.toFixed(0), scripts };
    });
    const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
    console.log(`round ${round}: in the page ${inPage.editable} ms (studio ready ${inPage.ready} ms + file shown ${inPage.open} ms after the click); `
      + `as this script saw it ${editable} ms (studio ready ${ready} ms, DOMContentLoaded ${timing.domContentLoaded} ms); browser CPU ${cpu.toFixed(0)} ms; `
      + `main thread: script ${ms(metrics.ScriptDuration)}, style+layout ${ms(metrics.RecalcStyleDuration + metrics.LayoutDuration)}, all tasks ${ms(metrics.TaskDuration)}; `
      + timing.scripts.join('; '));
    totals.push(`${inPage.editable} ms in the page (${editable} ms seen by this script, CPU ${cpu.toFixed(0)} ms)`);
    await page.close();
  }
  console.log(`page load to an editable editor: first visit ${totals[0]}, later visits ${totals.slice(1).join(', ')}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
