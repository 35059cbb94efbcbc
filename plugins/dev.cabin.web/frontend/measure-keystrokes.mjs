// Keystroke to diagnostics over /lsp on a generated agent of about 5,000 lines (the shape of the benchmarks'
// GeneratedAgent: 200 intents of 20 examples, 40 flows), measured from a page of the studio in Chromium.
// Usage: node measure-keystrokes.mjs URL [KEYSTROKES [SERVER_PID]]   (URL: what cabin web printed)
// Prints the first ten times in order, the document's size and the p50, p99 and max of the time from a didChange to its publishDiagnostics;
// with the server's process id (on this machine), the server's CPU time per keystroke too, which a busy machine
// disturbs less than the wall clock; and the load average.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const [url, count = '100', serverPid] = process.argv.slice(2);
// user + system time of a process in ms (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms)
const cpuMs = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13)
  .reduce((sum, ticks) => sum + Number(ticks) * 10, 0);
const VERBS = ['show', 'tell me', 'check', 'explain', 'find', 'open', 'start', 'read', 'play', 'set'];
const THINGS = ['the route', 'my tires', 'the battery', 'the weather', 'the seats', 'the mirrors', 'the lights', 'the music', 'the news', 'the calendar'];
const CHINESE = ['打开', '查看', '检查', '解释', '播放', '设置', '查找', '关闭', '读出', '开始'];

function agent(intents, utterances, flows) {
  const lines = ['agent Generated "Generated" {', '\tlocales en-US, zh-CN', '\ttool work.start(task: number) "Runs a task" -> handler "work.start"'];
  for (let i = 0; i < intents; i++) {
    lines.push(`\tintent Task${i} {`);
    const examples = [];
    for (let u = 0; u < utterances; u++) {
      examples.push(u < utterances / 2 ? `"${VERBS[u % VERBS.length]} ${THINGS[(Math.floor(u / VERBS.length) + i) % THINGS.length]} for task ${i} variant ${u}"`
        : `"${CHINESE[u % CHINESE.length]}第${i}号任务的第${u}种说法"`);
    }
    lines.push(`\t\ten-US: ${examples.slice(0, utterances / 2).join(',\n\t\t\t')}`);
    lines.push(`\t\tzh-CN: ${examples.slice(utterances / 2).join(',\n\t\t\t')}`);
    lines.push('\t}', `\ton voice Task${i} -> flow Flow${i % flows}`);
  }
  for (let f = 0; f < flows; f++) {
    lines.push(`\tflow Flow${f} {`, '\t\tbranch {', `\t\t\twhen Vehicle.Speed > ${f % 120} {`,
      `\t\t\t\tsay en-US "Task ${f} later." zh-CN "稍后处理任务${f}。"`, '\t\t\t}', '\t\t\totherwise {',
      `\t\t\t\tcall work.start(task: ${f})`, `\t\t\t\tsay en-US "Task ${f} done." zh-CN "任务${f}已完成。"`, '\t\t\t}', '\t\t}', '\t\tend', '\t}');
  }
  lines.push('\tpolicy driving when Vehicle.Speed > 0 {', '\t\tmax words 12', '\t\tno screen text', '\t}', '}', '');
  return lines.join('\n');
}

const browser = await chromium.launch({ executablePath: process.env.CABIN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(url);
  const text = agent(200, 20, 40);
  const problems = await page.evaluate(async (text) => {
    const root = (await (await fetch('/api/workspace')).json()).rootUri.replace(/\/$/, '');
    const uri = `${root}/measure-5000-lines.cabin`;
    const socket = new WebSocket(`ws://${location.host}/lsp`);
    const waiting = new Map();
    let published = null;
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.id !== undefined && waiting.has(message.id)) waiting.get(message.id)(message.result);
      if (message.method === 'textDocument/publishDiagnostics' && message.params.uri.endsWith('measure-5000-lines.cabin')) published?.(message.params.diagnostics);
    };
    await new Promise((resolve) => { socket.onopen = resolve; });
    const send = (message) => socket.send(JSON.stringify({ jsonrpc: '2.0', ...message }));
    await new Promise((resolve) => { waiting.set(1, resolve); send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }); });
    send({ method: 'initialized', params: {} });
    const diagnostics = () => new Promise((resolve) => { published = resolve; });
    let next = diagnostics();
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'cabin', version: 1, text } } });
    const first = await next;
    window.measure = { uri, send, diagnostics, socket };
    return first.length;
  }, text);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the opening's builds settle
  const cpuBefore = serverPid ? cpuMs(serverPid) : 0;
  const times = await page.evaluate(async (count) => {
    const { uri, send, diagnostics, socket } = window.measure;
    let next;
    const times = [];
    for (let i = 0; i < count; i++) {
      // a keystroke in the first example, then one that takes it back
      const insert = i % 2 === 0;
      const range = { start: { line: 4, character: 10 }, end: { line: 4, character: insert ? 10 : 11 } };
      next = diagnostics();
      const started = performance.now();
      send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: i + 2 }, contentChanges: [{ range, text: insert ? 'x' : '' }] } });
      await next;
      times.push(performance.now() - started);
    }
    socket.close();
    return times;
  }, Number(count));
  const cpu = serverPid ? `; server CPU ${((cpuMs(serverPid) - cpuBefore) / times.length).toFixed(0)} ms per keystroke` : '';
  // a fresh server's first keystrokes pay for the JIT; in order, they show how long that lasts
  console.log(`the first ten, in order: ${times.slice(0, 10).map((t) => t.toFixed(0)).join(' ')} ms`);
  const sorted = times.sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)].toFixed(0);
  console.log(`${text.split('\n').length} lines, ${problems} problems; ${sorted.length} keystrokes: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms${cpu}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await browser.close();
}
