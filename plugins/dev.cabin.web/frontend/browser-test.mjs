// The browser studio in a real Chromium (Debian's, driven by playwright-core; no browser is downloaded).
// Usage: node browser-test.mjs URL FILE LINE SCREENSHOT_DIR [PANELS_URL DOWNLOAD_DIR]
//   URL   the address cabin web printed (with its token)
//   FILE  a .cabin file of the workspace whose line LINE (1-based) starts with "when Vehicle.Speed"
//   PANELS_URL  a server of a workspace with cabin-comfort, car-genius and profiles (copies: a test is saved
//               into cabin-comfort), started with a signing key: the Simulator, Lab and Export panels' steps
//   DOWNLOAD_DIR  where the car package the Export panel downloads is saved
// Prints one line per step with what it measured; exits 1 at the first step that fails.
import { chromium } from 'playwright-core';
import path from 'node:path';

const [url, file, lineText, shots, panelsUrl, downloads] = process.argv.slice(2);
const line = Number(lineText);
const executablePath = process.env.CABIN_CHROMIUM ?? '/usr/bin/chromium';
const patience = { timeout: Number(process.env.CABIN_PATIENCE_MS ?? 60_000) };

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] }).catch((error) => {
  console.error(`cannot start Chromium at ${executablePath} (apt-get install chromium): ${error.message.split('\n')[0]}`);
  process.exit(1);
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') console.error(`page console: ${message.text()}`); });
  const started = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', patience);
  await page.click(`#files span[data-path="${file}"]`);
  await page.waitForSelector('.monaco-editor .view-line', patience);
  await page.click('.monaco-editor .view-lines');
  console.log(`step: page load to an editable editor: ${Date.now() - started} ms`);

  // an unknown VSS path: "when Vehicle.XSpeed"
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'when Vehicle.'.length; i++) await page.keyboard.press('ArrowRight');
  const typed = Date.now();
  await page.keyboard.type('X');
  await page.waitForSelector('.monaco-editor .squiggly-error', patience);
  const squiggle = Date.now() - typed;
  const problem = page.locator('#problems li.error', { hasText: `${file}:${line}:` });
  await problem.first().waitFor(patience);
  console.log(`step: keystroke to squiggle: ${squiggle} ms; Problems says: ${await problem.first().textContent()}`);
  await page.screenshot({ path: path.join(shots, 'web-studio-problem.png') });

  // the quick fix the server offers for it
  await page.keyboard.press('Control+.');
  const fix = page.getByText('Change to Vehicle.Speed');
  await fix.first().waitFor(patience);
  await fix.first().click();
  await page.waitForFunction(() => !document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('XSpeed'), null, patience);
  console.log('step: the quick fix "Change to Vehicle.Speed" repaired the path');

  // complete a VSS path level by level: "Vehicle.Cabin.Sunroof." proposes Position
  await page.keyboard.press('Home');
  for (let i = 0; i < 'when Vehicle.'.length; i++) await page.keyboard.press('ArrowRight');

  // hover on the signal: what it is and its unit
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: 'km/h' });
  await hover.first().waitFor(patience);
  console.log(`step: hover on Vehicle.Speed says: ${(await hover.first().textContent()).replace(/\s+/g, ' ').trim()}`);
  await page.keyboard.press('Escape');

  for (let i = 0; i < 'Speed'.length; i++) await page.keyboard.press('Delete');
  await page.keyboard.type('Cabin.Sunroof.');
  const proposal = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Position' });
  await proposal.first().waitFor(patience);
  await page.screenshot({ path: path.join(shots, 'web-studio-completion.png') });
  await proposal.first().click();
  await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent
    ?.replace(/\u00a0/g, ' ').includes('Vehicle.Cabin.Sunroof.Position'), null, patience);
  console.log('step: completion proposed Vehicle.Cabin.Sunroof.Position and inserted it');

  // ---------------------------------------------------------------- the flow diagram beside the editor (diagram.ts)
  const node = (id) => page.locator(`#cabin-diagram [id="cabin-diagram_Roof.flow.Opening.step.${id}"]`);
  const saying = node('0.otherwise.0');
  await saying.waitFor(patience);
  console.log(`step: the diagram shows ${await page.locator('#cabin-diagram g.cabin-say, #cabin-diagram .cabin-say').count()} say steps of flow Opening`);
  await page.screenshot({ path: path.join(shots, 'web-studio-diagram.png') });

  // the diagram fits itself into the pane right after it first shows, so a click may land while it moves (once
  // that made a click a drag that moved the step): wait until the node stays where it is, then click
  for (let last = null, settled = Date.now() + 10_000; Date.now() < settled;) {
    const box = JSON.stringify(await saying.boundingBox());
    if (box === last) break;
    last = box;
    await page.waitForTimeout(300);
  }
  for (let attempt = 0; ; attempt++) {
    await saying.click();
    const revealed = await page.waitForFunction(() => window.cabinEditorSelection() === 'say "Opening."', null, { timeout: 5000 })
      .then(() => true, () => false);
    if (revealed) break;
    if (attempt === 5) throw new Error(`clicking the node did not select its source; the editor selected: ${await page.evaluate(() => window.cabinEditorSelection())}`);
  }
  console.log(`step: clicking a diagram node selected its source in the editor: ${await page.evaluate(() => window.cabinEditorSelection())}`);

  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await node('1').locator(':scope > .selected').first().waitFor(patience);
  console.log('step: moving the caret to the end step selected its node in the diagram');

  await saying.click();
  const edited = Date.now();
  await page.click('#diagram-edits button[title^="Add a say step"]');
  await node('0.otherwise.1').waitFor(patience);
  const updated = Date.now() - edited;
  const text = () => page.evaluate(() => document.querySelector('.monaco-editor .view-lines').textContent.replace(/\u00a0/g, ' '));
  if (!(await text()).includes('say "What should the agent say?"')) throw new Error(`the diagram edit did not reach the text: ${await text()}`);
  console.log(`step: the diagram edit "+ Say" became text and the diagram showed the new step after ${updated} ms`);
  await page.screenshot({ path: path.join(shots, 'web-studio-diagram-edit.png') });

  await page.keyboard.press('Control+Z');
  await node('0.otherwise.1').waitFor({ state: 'detached', ...patience });
  if ((await text()).includes('What should the agent say')) throw new Error('Ctrl+Z did not undo the diagram edit');
  console.log('step: Ctrl+Z in the editor undid the diagram edit and the diagram followed');

  // an edit the text cannot take is refused with the server's sentence beside the buttons, and nothing changes
  const before = await text();
  await saying.click();
  await page.click('#diagram-edits button[title^="Add a case"]');
  await page.waitForFunction(() => document.getElementById('diagram-message').textContent.startsWith('Not changed: '), null, patience);
  if ((await text()) !== before) throw new Error('a refused diagram edit changed the text');
  console.log(`step: a refused diagram edit said: ${await page.locator('#diagram-message').textContent()}`);

  // drag the end step to the left of the branch: its source moves before the branch, one edit that Ctrl+Z undoes
  // the editor's lines in the order shown (the editor reuses line elements, so their order in the page is not)
  const shownText = () => Array.from(document.querySelectorAll('.monaco-editor .view-line'))
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).map((line) => line.textContent).join('\n').replace(/\u00a0/g, ' ');
  const endFirst = (shown) => /\bend\s+branch \{/.test(shown());
  await node('1').click();
  const endBox = await settledBox(node('1'));
  const branchBox = await settledBox(node('0'));
  await page.mouse.move(endBox.x + endBox.width / 2, endBox.y + endBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(branchBox.x - endBox.width / 2 - 10, branchBox.y + endBox.height / 2, { steps: 10 });
  await page.mouse.up();
  await page.waitForFunction(`(${endFirst})(${shownText})`, null, patience);
  console.log('step: dragging the end step before the branch moved its source there');
  await page.keyboard.press('Control+Z');
  await page.waitForFunction(`!(${endFirst})(${shownText})`, null, patience);
  await node('0.otherwise.0').waitFor(patience);
  console.log('step: Ctrl+Z put the end step back');

  // select two steps (Ctrl+click) and delete them: both go from the text in one edit, one Ctrl+Z brings both back
  const bothSaid = (shown) => shown().includes('say "Opening."') && shown().includes('say "Not at this speed."');
  const noneSaid = (shown) => !shown().includes('say "Opening."') && !shown().includes('say "Not at this speed."');
  // both steps must have reached their places: one still moving can lie under the other, which takes the click
  await settledBox(node('0.otherwise.0'));
  await settledBox(node('0.case0.0'));
  await node('0.otherwise.0').click();
  await node('0.case0.0').click({ modifiers: ['Control'] });
  await page.click('#diagram-edits button[title^="Delete the selected"]');
  await page.waitForFunction(`(${noneSaid})(${shownText})`, null, patience);
  console.log('step: deleting two selected steps took both from the text');
  await page.keyboard.press('Control+Z');
  await page.waitForFunction(`(${bothSaid})(${shownText})`, null, patience);
  await node('0.otherwise.0').waitFor(patience);
  console.log('step: one Ctrl+Z brought both deleted steps back');

  await page.evaluate((path) => window.dispatchEvent(new CustomEvent('cabin:turn-path', { detail: { path,
    stepPaths: [{ agent: 'Roof', flow: 'Opening', step: '0' }, { agent: 'Roof', flow: 'Opening', step: '0.otherwise.0' }] } })), file);
  await page.locator('#cabin-diagram .cabin-visited').nth(1).waitFor(patience);
  console.log(`step: the turn's path is highlighted on ${await page.locator('#cabin-diagram .cabin-visited').count()} diagram nodes`);
  await page.screenshot({ path: path.join(shots, 'web-studio-diagram-path.png') });

  // the simulator talks to the agent of the open file (as saved): say "open the sunroof"
  await page.click('#sim-load');
  await page.locator('#sim-transcript li.note', { hasText: 'talking to' }).first().waitFor(patience);
  await page.click('#sim-text');
  await page.keyboard.type('open the sunroof');
  await page.keyboard.press('Enter');
  const reply = page.locator('#sim-transcript li.agent');
  await reply.first().waitFor(patience);
  await page.locator('#sim-trace details').first().waitFor(patience);
  console.log(`step: the simulator answered: ${await reply.first().textContent()}; trace: ${await page.locator('#sim-trace summary').first().textContent()}`);

  if (panelsUrl) await panels(await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true }));
} catch (error) {
  failed = true;
  // Playwright's call log says what a step waited for (hidden, moving, covered by another element)
  console.error(`failed: ${error.message}`);
  const page = browser.contexts().flatMap((context) => context.pages()).at(-1);
  await page?.screenshot({ path: path.join(shots, 'web-studio-failed.png') });
  console.error(`the last LSP messages:\n${(await page?.evaluate(() => window.cabinLspTrace?.join('\n')))}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

/* Where an element is once it stays put: the diagram moves its nodes to their new places after each update. */
async function settledBox(locator) {
  let last = null;
  for (;;) {
    const box = await locator.boundingBox();
    if (last && box && ['x', 'y', 'width', 'height'].every((key) => Math.abs(box[key] - last[key]) < 0.5)) return box;
    last = box;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ------------------------------------------------------------------------------------------------------------
// The Simulator (complete), Lab and Export panels, on the second server (helper "webpanels", issue 14)
// ------------------------------------------------------------------------------------------------------------
async function panels(page) {
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const long = { timeout: Number(process.env.CABIN_PATIENCE_MS ?? 60_000) * 3 };
  await page.goto(panelsUrl);
  await page.waitForSelector('body[data-ready="true"]', patience);
  await page.evaluate(() => {
    window.cabinTurnPaths = [];
    window.addEventListener('cabin:turn-path', (event) => window.cabinTurnPaths.push(event.detail));
  });
  await page.click('#files span[data-path="cabin-comfort/cabin-comfort.cabin"]');
  await page.waitForSelector('.monaco-editor .view-line', patience);
  // the simulator comes with the page's second script, loaded once the editor shows the file
  await page.waitForSelector('body[data-panels="true"]', patience);

  // gaze at the sunroof on the cabin map, then say "open that"
  await page.click('#sim-load');
  await page.locator('#sim-transcript li.note', { hasText: 'talking to CabinComfort' }).first().waitFor(long);
  await page.click('#sim-map g.zone.watched[data-zone="Cabin.Sunroof"]');
  await page.locator('#sim-trace details.trace-turn').first().waitFor(patience);
  await page.click('#sim-text');
  await page.keyboard.type('open that');
  await page.keyboard.press('Enter');
  const reply = page.locator('#sim-transcript li.agent', { hasText: 'sunroof' });
  await reply.first().waitFor(patience);
  await page.waitForFunction(() => document.querySelectorAll('#sim-trace details.trace-turn').length === 2, null, patience);
  await page.click('#sim-trace details.trace-turn >> nth=0 >> summary');
  const toolCall = page.locator('#sim-trace details.trace-turn[open] .trace-value', { hasText: 'sunroof.open' });
  await toolCall.first().waitFor(patience);
  const turnPath = await page.evaluate(() => window.cabinTurnPaths.at(-1));
  const steps = turnPath.stepPaths.map((step) => `${step.flow}/${step.step}`).join(', ');
  await page.locator('#cabin-diagram .cabin-visited').first().waitFor(patience);
  console.log(`step: panels: the turn's path is highlighted on ${await page.locator('#cabin-diagram .cabin-visited').count()} nodes of the diagram`);
  await page.screenshot({ path: path.join(shots, 'web-studio-simulator.png') });
  console.log(`step: panels: gaze at the sunroof and "open that": ${await reply.first().textContent()}; `
    + `trace: ${await page.locator('#sim-trace summary').first().textContent()}; turn path ${turnPath.path}: ${steps}`);

  // save the conversation as a test, then replay the agent's tests
  page.once('dialog', (dialog) => dialog.accept('roof by gaze in the browser'));
  await page.click('#sim-save-test');
  const saved = page.locator('#sim-transcript li.note', { hasText: 'saved as test' });
  await saved.first().waitFor(patience);
  await page.click('#sim-replay');
  const ours = page.locator('#sim-transcript li', { hasText: 'roof by gaze in the browser (line' });
  await ours.first().waitFor(long);
  const summary = page.locator('#sim-transcript li', { hasText: / passed, \d+ failed/ });
  await summary.first().waitFor(patience);
  console.log(`step: panels: ${await saved.first().textContent()}; replayed: ${await ours.first().textContent()}; `
    + `${await summary.first().textContent()}`);

  // a lab test of the agent on its English corpus and the unrelated speech held back
  await page.click('.tool-tab[data-tool="lab"]');
  await page.selectOption('#lab-corpus', 'cabin-comfort/labtest-en.jsonl');
  await page.check('#lab-background');
  await page.click('#lab-run');
  const accuracy = page.locator('#lab-figures tr', { hasText: 'in-scope accuracy' });
  await accuracy.first().waitFor(long);
  const falseAccepts = page.locator('#lab-figures tr', { hasText: 'false accepts per 1,000' });
  const takenFor = page.locator('#lab-figures tr', { hasText: 'taken for' });
  const wrongActions = page.locator('#lab-figures tr', { hasText: 'wrong intent acted on' });
  if (!/unrelated requests acted on; en-US \d+\.\d, zh-CN \d/.test(await falseAccepts.first().locator('td').textContent())
      || await takenFor.count() !== 1) {
    throw new Error(`the lab test shows no false accepts: ${await page.locator('#lab-figures').textContent()}`);
  }
  await page.screenshot({ path: path.join(shots, 'web-studio-lab.png') });
  const report = await page.getAttribute('#lab-report', 'href');
  console.log(`step: panels: lab test: in-scope accuracy ${await accuracy.first().locator('td').textContent()}; `
    + `wrong intent acted on ${await wrongActions.first().locator('td').textContent()}; `
    + `false accepts per 1,000 ${await falseAccepts.first().locator('td').textContent()}; `
    + `taken for ${await takenFor.first().locator('td').textContent()}; report at ${report}`);

  // export car-genius for the Aurora S (CN), signed on the server, and download it
  await page.click('#files span[data-path="car-genius/car-genius.cabin"]');
  await page.locator('.tab.active', { hasText: 'car-genius.cabin' }).first().waitFor(patience);
  await page.click('.tool-tab[data-tool="export"]');
  await page.locator('#export-profile option[value="profiles/aurora-s-cn.yaml"]').waitFor({ state: 'attached', ...patience });
  await page.selectOption('#export-profile', 'profiles/aurora-s-cn.yaml');
  await page.click('#export-build');
  await page.locator('#export-download').waitFor(long);
  await page.screenshot({ path: path.join(shots, 'web-studio-export.png') });
  const [download] = await Promise.all([page.waitForEvent('download', patience), page.click('#export-download')]);
  const savedTo = path.join(downloads, download.suggestedFilename());
  await download.saveAs(savedTo);
  console.log(`step: panels: export downloaded ${download.suggestedFilename()} to ${savedTo}`);
}
