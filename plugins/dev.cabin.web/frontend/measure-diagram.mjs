// Diagram update after an edit, measured in Chromium against a running `cabin web`: opens FILE, selects the
// diagram node STEP_ID (a step's diagram id, e.g. Agent.flow.Flow.step.0), then ROUNDS times adds a say step after
// it from the diagram ("+ Say": diagram -> server -> text edit in the editor -> language server and diagram) and
// takes it back with Ctrl+Z, timing the click to the new step's node on screen and the undo to its removal.
// Usage: node measure-diagram.mjs URL FILE STEP_ID ROUNDS [SCREENSHOT.png]
import { chromium } from 'playwright-core';

const [url, file, stepId, roundsText, shot] = process.argv.slice(2);
const rounds = Number(roundsText ?? 10);
const patience = { timeout: 60_000 };
const browser = await chromium.launch({ executablePath: process.env.CABIN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', patience);
  await page.click(`#files span[data-path="${file}"]`);
  const step = page.locator(`#cabin-diagram [id="cabin-diagram_${stepId}"]`);
  const opened = Date.now();
  await step.waitFor(patience);
  console.log(`${file}: diagram shown ${Date.now() - opened} ms after opening the file; ${await page.locator('#cabin-diagram g[id]').count()} elements`);
  if (shot) await page.screenshot({ path: shot });
  const before = await page.locator('#cabin-diagram g[id*=".step."]').count();
  const edits = []; const undos = [];
  for (let round = 0; round < rounds; round++) {
    await step.click();
    let started = Date.now();
    await page.click('#diagram-edits button[title^="Add a say step"]');
    await page.waitForFunction((n) => document.querySelectorAll(`#cabin-diagram g[id*=".step."]`).length > n, before, patience);
    edits.push(Date.now() - started);
    started = Date.now();
    await page.keyboard.press('Control+Z');
    await page.waitForFunction((n) => document.querySelectorAll(`#cabin-diagram g[id*=".step."]`).length <= n, before, patience);
    undos.push(Date.now() - started);
  }
  const stats = (values) => { const sorted = [...values].sort((a, b) => a - b);
    return `p50 ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms`; };
  console.log(`${rounds} diagram edits: click to the new step on screen ${stats(edits)}; Ctrl+Z to the diagram without it ${stats(undos)}`);
} finally {
  await browser.close();
}
