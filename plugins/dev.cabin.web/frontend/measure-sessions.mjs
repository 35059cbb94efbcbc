// Opens the studio in N tabs of one Chromium, each with FILE open in its editor and its language server session
// started, and keeps them open until Enter (or for HOLD_SECONDS), so that the server's memory can be read meanwhile.
// Usage: node measure-sessions.mjs URL FILE [N] [HOLD_SECONDS]
import { chromium } from 'playwright-core';

const [url, file, count = '5', hold = '30'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CABIN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const context = await browser.newContext();
  for (let i = 0; i < Number(count); i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    await page.click(`#files span[data-path="${file}"]`);
    // the session answered initialize and checked the file (the status line shows the file once it is open)
    await page.waitForFunction(() => window.cabinLspTrace?.some((line) => line.includes('textDocument/publishDiagnostics')), null, { timeout: 120_000 });
    console.log(`tab ${i + 1}: ${file} open, its session ready`);
  }
  console.log(`${count} sessions open for ${hold} s`);
  await new Promise((resolve) => setTimeout(resolve, Number(hold) * 1000));
} finally {
  await browser.close();
}
