// The Simulator panel: a conversation over /sim with the first agent of a workspace file, in a simulated car.
// Every input of `cabin chat --script` has a control: speech with its language, wake word, push to talk, a
// gaze from the cabin map, gestures, the driver's state, touch, time passing, and the vehicle signals the agent
// reads. What the server answers (replies, tool calls, the masked trace as a tree, the car) is shown as it
// comes; after each turn the steps it ran are announced as a `cabin:turn-path` event for the diagram. The
// conversation can be saved as a conversation test of the agent, and the agent's tests replayed.
import { CabinMap } from './cabin-map';
import { SignalControls, Signal } from './simulator-signals';
import { traceTree } from './simulator-trace';
import { StepPath, TURN_PATH_EVENT, TurnPath } from './turn-path';

interface Reply { type: string; text: string | null; agent: string }
interface ToolCall { tool: string; outcome: string; reason: string | null }
interface State { agent: string; locale: string; driver: string | null; awaiting: boolean; vehicle: Record<string, unknown> }
interface TestResult { test: string; line: number; passed: boolean; millis: number; failures: string[] }
interface Watched { zones: string[]; gestures: string[]; postures: string[]; touches: string[] }
type Message =
  | { type: 'loaded'; path: string; locales: string[]; signals: Signal[]; watched: Watched; tests: number; state: State }
  | { type: 'turn'; replies: Reply[]; toolCalls: ToolCall[]; intent: string | null; flows: string[]; trace: Record<string, any>;
      stepPaths: StepPath[]; state: State }
  | { type: 'saved'; path: string; name: string; line: number }
  | { type: 'tests'; path: string; results: TestResult[] }
  | { type: 'error'; message: string };

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const DWELL_MS = 1000;

/** Adds the names the agent watches to a choice, keeping the common ones. */
function offer(choice: HTMLSelectElement, names: string[]): void {
  const present = new Set(Array.from(choice.options, (option) => option.value));
  for (const name of names) if (!present.has(name)) choice.add(new Option(name, name), 0);
  if (names.length > 0) choice.value = names[0];
}

export class SimulatorPanel {
  private socket: WebSocket | null = null;
  private path: string | null = null;
  private turns = 0;
  private readonly pending: string[] = [];
  private readonly signals: SignalControls;
  private readonly map: CabinMap;

  constructor(private readonly activePath: () => string | null) {
    this.map = new CabinMap(element('sim-map'), (zone) =>
      this.send({ type: 'gaze', zone, dwellMs: DWELL_MS }, `[looks at ${zone} for ${DWELL_MS} ms]`));
    this.signals = new SignalControls(element('sim-signals'), (path, value) =>
      this.send({ type: 'signal', path, value }, `[${path} = ${JSON.stringify(value)}]`));
    element('sim-load').onclick = () => this.load();
    element<HTMLFormElement>('sim-say').onsubmit = (event) => {
      event.preventDefault();
      const input = element<HTMLInputElement>('sim-text');
      const text = input.value.trim();
      const locale = element<HTMLSelectElement>('sim-locale').value;
      if (text) this.send(locale ? { type: 'voice', text, locale } : { type: 'voice', text }, `you: ${text}`);
      input.value = '';
    };
    element('sim-wake').onclick = () => this.send({ type: 'wake' }, '[wake word]');
    element('sim-ptt').onclick = () => this.send({ type: 'ptt' }, '[push to talk]');
    element('sim-gesture').onclick = () => {
      const gesture = element<HTMLSelectElement>('sim-gesture-name').value;
      this.send({ type: 'gesture', gesture }, `[gesture ${gesture}]`);
    };
    element('sim-posture').onclick = () => {
      const state = element<HTMLSelectElement>('sim-driver').value;
      this.send({ type: 'posture', state }, `[driver ${state}]`);
    };
    element('sim-touch').onclick = () => {
      const control = element<HTMLInputElement>('sim-touch-control').value.trim();
      this.send({ type: 'touch', control }, `[touches ${control}]`);
    };
    element('sim-wait').onclick = () => {
      const ms = Math.max(0, Math.round(Number(element<HTMLInputElement>('sim-wait-ms').value) || 0));
      this.send({ type: 'wait', ms }, `[${ms} ms pass]`);
    };
    element('sim-save-test').onclick = () => this.saveTest();
    element('sim-replay').onclick = () => this.command({ type: 'replay-tests' }, '(replaying the agent\'s tests…)');
  }

  private load(): void {
    const path = this.activePath();
    if (!path || !path.endsWith('.cabin')) {
      this.line('Open a .cabin file first; the simulator talks to its agent.', 'error');
      return;
    }
    this.line(`(loading ${path}…)`, 'note');
    this.connected().then((socket) => socket.send(JSON.stringify({ type: 'load', path })));
  }

  private saveTest(): void {
    if (this.turns === 0) {
      this.line('Nothing to save yet: talk to the agent first.', 'error');
      return;
    }
    const name = window.prompt('Name of the conversation test', `simulated conversation ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`);
    if (name && name.trim()) this.command({ type: 'save-test', name: name.trim() }, `(saving as test "${name.trim()}"…)`);
  }

  private command(message: object, note: string): void {
    if (!this.path || !this.socket || this.socket.readyState !== WebSocket.OPEN) {
      this.line('Load an agent first.', 'error');
      return;
    }
    this.line(note, 'note');
    this.socket.send(JSON.stringify(message));
  }

  private send(event: object, said: string): void {
    if (!this.path || !this.socket || this.socket.readyState !== WebSocket.OPEN) {
      this.line('Load an agent first.', 'error');
      return;
    }
    this.line(said, 'you');
    this.pending.push(said);
    this.socket.send(JSON.stringify(event));
  }

  private connected(): Promise<WebSocket> {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) return Promise.resolve(this.socket);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/sim`);
    this.socket = socket;
    socket.onmessage = (event) => this.received(JSON.parse(event.data) as Message);
    socket.onclose = (event) => {
      this.path = null;
      this.line(`(simulator closed${event.reason ? `: ${event.reason}` : ''}; load again to go on)`, 'error');
    };
    return new Promise((resolve) => { socket.onopen = () => resolve(socket); });
  }

  private received(message: Message): void {
    switch (message.type) {
      case 'error':
        this.pending.shift();
        this.line(message.message, 'error');
        return;
      case 'loaded': return this.loaded(message);
      case 'turn': return this.turn(message);
      case 'saved':
        this.line(`(saved as test "${message.name}" in ${message.path}, line ${message.line}; reopen the file to see it)`, 'note');
        return;
      case 'tests': return this.tested(message.results);
    }
  }

  private loaded(message: Extract<Message, { type: 'loaded' }>): void {
    this.path = message.path;
    this.turns = 0;
    this.pending.length = 0;
    element('sim-transcript').replaceChildren();
    element('sim-trace').replaceChildren();
    const locales = element<HTMLSelectElement>('sim-locale');
    locales.replaceChildren(new Option('locale: agent\'s', ''), ...message.locales.map((locale) => new Option(locale, locale)));
    offer(element('sim-gesture-name'), message.watched.gestures);
    offer(element('sim-driver'), message.watched.postures);
    if (message.watched.touches.length > 0) element<HTMLInputElement>('sim-touch-control').value = message.watched.touches[0];
    this.map.watch(message.watched.zones);
    this.signals.show(message.signals);
    this.line(`(talking to ${message.state.agent} from ${message.path}, ${message.state.locale}; ${message.tests} test${message.tests === 1 ? '' : 's'})`, 'note');
    this.showCar(message.state);
  }

  private turn(message: Extract<Message, { type: 'turn' }>): void {
    const about = this.pending.shift() ?? '';
    for (const reply of message.replies) {
      this.line(`${reply.agent}: ${reply.type === 'stop' ? '(stops speaking)' : reply.text}`, 'agent');
    }
    for (const call of message.toolCalls) {
      this.line(`  (${call.tool}: ${call.outcome}${call.reason ? `, ${call.reason}` : ''})`, 'note');
    }
    const turn = traceTree(++this.turns, about, message.trace);
    element('sim-trace').prepend(turn);
    this.showCar(message.state);
    const turnPath: TurnPath = { path: this.path, stepPaths: message.stepPaths };
    window.dispatchEvent(new CustomEvent(TURN_PATH_EVENT, { detail: turnPath }));
  }

  private tested(results: TestResult[]): void {
    if (results.length === 0) this.line('The agent has no conversation test.', 'note');
    for (const result of results) {
      this.line(`${result.passed ? 'PASS' : 'FAIL'} ${result.test} (line ${result.line}, ${result.millis} ms)`, result.passed ? 'pass' : 'fail');
      if (!result.passed && result.failures.length > 0) this.line(`    first difference: ${result.failures[0]}`, 'fail');
    }
    const failed = results.filter((result) => !result.passed).length;
    this.line(`${results.length - failed} passed, ${failed} failed`, failed === 0 ? 'pass' : 'fail');
  }

  private showCar(state: State): void {
    this.signals.update(state.vehicle);
    const rows = Object.entries(state.vehicle).map(([path, value]) => `${path} = ${JSON.stringify(value)}`);
    rows.push(`driver: ${state.driver ?? 'unknown'}${state.awaiting ? '; the agent waits for an answer' : ''}`);
    element('sim-car').textContent = rows.join('\n');
  }

  private line(text: string, kind: 'you' | 'agent' | 'note' | 'error' | 'pass' | 'fail'): void {
    const item = document.createElement('li');
    item.className = kind;
    item.textContent = text;
    element('sim-transcript').append(item);
    item.scrollIntoView({ block: 'nearest' });
  }
}
