// The Simulator panel: a conversation over /sim with the first agent of a workspace file, in a simulated car.
// What the server answers (replies, tool calls, the masked trace, the car) is shown as it comes.

interface Reply { type: string; text: string | null; agent: string }
interface ToolCall { tool: string; outcome: string; reason: string | null }
interface State { agent: string; locale: string; driver: string | null; vehicle: Record<string, unknown> }
type Message =
  | { type: 'loaded'; path: string; state: State }
  | { type: 'turn'; replies: Reply[]; toolCalls: ToolCall[]; trace: unknown; state: State }
  | { type: 'error'; message: string };

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export class SimulatorPanel {
  private socket: WebSocket | null = null;
  private turns = 0;

  constructor(private readonly activePath: () => string | null) {
    element('sim-load').onclick = () => this.load();
    element<HTMLFormElement>('sim-say').onsubmit = (event) => {
      event.preventDefault();
      const input = element<HTMLInputElement>('sim-text');
      if (input.value.trim()) this.send({ type: 'voice', text: input.value.trim() }, `you: ${input.value.trim()}`);
      input.value = '';
    };
    element('sim-wake').onclick = () => this.send({ type: 'wake' }, '[wake word]');
    element('sim-ptt').onclick = () => this.send({ type: 'ptt' }, '[push to talk]');
    element('sim-gaze').onclick = () => {
      const zone = element<HTMLInputElement>('sim-zone').value.trim();
      this.send({ type: 'gaze', zone, dwellMs: 1000 }, `[gaze ${zone} for 1000 ms]`);
    };
    element('sim-gesture').onclick = () => {
      const gesture = element<HTMLInputElement>('sim-gesture-name').value.trim();
      this.send({ type: 'gesture', gesture }, `[gesture ${gesture}]`);
    };
    element('sim-wait').onclick = () => this.send({ type: 'wait', ms: 2000 }, '[wait 2 s]');
  }

  private load(): void {
    const path = this.activePath();
    if (!path || !path.endsWith('.cabin')) {
      this.line('Open a .cabin file first; the simulator talks to its agent.', 'error');
      return;
    }
    this.connected().then((socket) => socket.send(JSON.stringify({ type: 'load', path })));
  }

  private send(event: object, said: string): void {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      this.line('Load an agent first.', 'error');
      return;
    }
    this.line(said, 'you');
    this.socket.send(JSON.stringify(event));
  }

  private connected(): Promise<WebSocket> {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) return Promise.resolve(this.socket);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/sim`);
    this.socket = socket;
    socket.onmessage = (event) => this.received(JSON.parse(event.data) as Message);
    socket.onclose = (event) => this.line(`(simulator closed${event.reason ? `: ${event.reason}` : ''})`, 'error');
    return new Promise((resolve) => { socket.onopen = () => resolve(socket); });
  }

  private received(message: Message): void {
    if (message.type === 'error') {
      this.line(message.message, 'error');
      return;
    }
    if (message.type === 'loaded') {
      this.turns = 0;
      element('sim-transcript').replaceChildren();
      element('sim-trace').replaceChildren();
      this.line(`(talking to ${message.state.agent} from ${message.path}, ${message.state.locale})`, 'note');
    } else {
      for (const reply of message.replies) {
        this.line(`${reply.agent}: ${reply.type === 'stop' ? '(stops speaking)' : reply.text}`, 'agent');
      }
      for (const call of message.toolCalls) {
        this.line(`  (${call.tool}: ${call.outcome}${call.reason ? `, ${call.reason}` : ''})`, 'note');
      }
      this.trace(message.trace);
    }
    this.showCar(message.state);
  }

  private trace(trace: unknown): void {
    const turn = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = `Turn ${++this.turns}`;
    const body = document.createElement('pre');
    body.textContent = JSON.stringify(trace, null, 2);
    turn.append(summary, body);
    element('sim-trace').prepend(turn);
  }

  private showCar(state: State): void {
    const rows = Object.entries(state.vehicle).map(([path, value]) => `${path} = ${JSON.stringify(value)}`);
    rows.push(`driver: ${state.driver ?? 'unknown'}`);
    element('sim-car').textContent = rows.join('\n');
  }

  private line(text: string, kind: 'you' | 'agent' | 'note' | 'error'): void {
    const item = document.createElement('li');
    item.className = kind;
    item.textContent = text;
    const transcript = element('sim-transcript');
    transcript.append(item);
    item.scrollIntoView({ block: 'nearest' });
  }
}
