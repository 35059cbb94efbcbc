// JSON-RPC over the server's /lsp WebSocket: one JSON message per frame, as the server expects.

type Handler = (params: any) => void;

export class LspConnection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, Handler>();
  private readonly opened: Promise<void>;
  /** Everything but initialize waits for this: the server drops what comes before initialize. */
  private initialized: Promise<unknown>;
  onClose: (reason: string) => void = () => {};
  /** The last messages each way, in short, for a test that failed to show. */
  readonly trace: string[] = [];

  constructor(private readonly socket: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('error', () => reject(new Error('the language server could not be reached')));
    });
    this.initialized = this.opened;
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data));
      this.remember('<', message);
      this.receive(message);
    });
    socket.addEventListener('close', (event) => {
      const reason = event.reason || 'the connection to the language server closed';
      for (const waiting of this.pending.values()) {
        waiting.reject(new Error(reason));
      }
      this.pending.clear();
      this.onClose(reason);
    });
  }

  static open(path: string): LspConnection {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return new LspConnection(new WebSocket(`${scheme}//${location.host}${path}`));
  }

  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  /** Starts the session; requests and notifications sent meanwhile follow it, in their order. */
  initialize(params: unknown): Promise<any> {
    const result = this.call('initialize', params);
    this.initialized = result.then(() => this.notify('initialized', {}), () => undefined);
    return result;
  }

  async request<T>(method: string, params: unknown): Promise<T> {
    await this.initialized;
    return this.call(method, params);
  }

  private async call<T>(method: string, params: unknown): Promise<T> {
    await this.opened;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  async notify(method: string, params: unknown): Promise<void> {
    await (method === 'initialized' ? this.opened : this.initialized);
    this.send({ jsonrpc: '2.0', method, params });
  }

  private remember(direction: string, message: any): void {
    this.trace.push(`${direction} ${message.id ?? ''} ${message.method ?? (message.error ? 'error ' + message.error.message : 'result')}`);
    if (this.trace.length > 40) this.trace.shift();
  }

  private send(message: any): void {
    this.remember('>', message);
    this.socket.send(JSON.stringify(message));
  }

  private receive(message: any): void {
    if (message.id !== undefined && message.method === undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) {
        waiting?.reject(new Error(message.error.message));
      } else {
        waiting?.resolve(message.result);
      }
    } else if (message.id !== undefined) {
      // a request of the server's (registerCapability, configuration): answered, nothing more is offered
      this.send({ jsonrpc: '2.0', id: message.id, result: null });
    } else {
      this.handlers.get(message.method)?.(message.params);
    }
  }
}
