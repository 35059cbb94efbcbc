// Controls for the vehicle signals the agent reads, as the server describes them from the VSS catalogue: a
// slider for a number (the catalogue's range, else one its unit suggests), a switch for a boolean, a choice for
// an enumerated value, a text box otherwise. A change is sent as a signal event, which may fire the agent's
// triggers; the value shown is the simulated car's after each turn.

export interface Signal {
  path: string; datatype: string | null; unit: string | null; min: number | null; max: number | null; allowed: string[];
}

const NUMERIC = new Set(['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float', 'double']);
const RANGE_BY_UNIT: Record<string, [number, number]> = {
  'km/h': [0, 250], percent: [0, 100], celsius: [-40, 60], kPa: [0, 400], rpm: [0, 8000], km: [0, 1000], m: [0, 1000],
};

const shortName = (path: string) => path.split('.').slice(-2).join('.');

export class SignalControls {
  private readonly controls = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private readonly outputs = new Map<string, HTMLOutputElement>();

  constructor(private readonly container: HTMLElement, private readonly onChange: (path: string, value: unknown) => void) {}

  show(signals: Signal[]): void {
    this.controls.clear();
    this.outputs.clear();
    const rows = signals.map((signal) => this.row(signal));
    if (rows.length === 0) {
      const none = document.createElement('div');
      none.className = 'sim-none';
      none.textContent = 'The agent reads no vehicle signal.';
      rows.push(none);
    }
    this.container.replaceChildren(...rows);
  }

  /** Shows the car's values after a turn, without sending them back. */
  update(vehicle: Record<string, unknown>): void {
    for (const [path, control] of this.controls) {
      const value = vehicle[path];
      if (value === undefined || document.activeElement === control) continue;
      if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = Boolean(value);
      else control.value = String(value);
      this.showValue(path);
    }
  }

  private row(signal: Signal): HTMLElement {
    const row = document.createElement('label');
    row.className = 'sim-signal';
    row.title = `${signal.path}${signal.unit ? ` (${signal.unit})` : ''}: read by the agent`;
    const name = document.createElement('span');
    name.textContent = shortName(signal.path);
    const control = this.control(signal);
    control.dataset.signal = signal.path;
    this.controls.set(signal.path, control);
    const value = document.createElement('output');
    this.outputs.set(signal.path, value);
    row.append(name, control, value);
    this.showValue(signal.path);
    control.addEventListener('change', () => {
      this.showValue(signal.path);
      this.onChange(signal.path, this.valueOf(signal, control));
    });
    control.addEventListener('input', () => this.showValue(signal.path));
    return row;
  }

  private control(signal: Signal): HTMLInputElement | HTMLSelectElement {
    if (signal.allowed.length > 0) {
      const choice = document.createElement('select');
      for (const allowed of signal.allowed) choice.append(new Option(allowed, allowed));
      return choice;
    }
    const input = document.createElement('input');
    if (signal.datatype === 'boolean') {
      input.type = 'checkbox';
    } else if (signal.datatype === null || NUMERIC.has(signal.datatype)) {
      const [low, high] = RANGE_BY_UNIT[signal.unit ?? ''] ?? [0, 100];
      input.type = 'range';
      input.min = String(signal.min ?? low);
      input.max = String(signal.max ?? high);
      input.step = signal.datatype === 'float' || signal.datatype === 'double' ? '0.5' : '1';
      input.value = input.min;
    } else {
      input.type = 'text';
      input.size = 8;
    }
    return input;
  }

  private valueOf(signal: Signal, control: HTMLInputElement | HTMLSelectElement): unknown {
    if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked;
    if (control instanceof HTMLInputElement && control.type === 'range') return Number(control.value);
    return control.value;
  }

  private showValue(path: string): void {
    const control = this.controls.get(path);
    const output = this.outputs.get(path);
    if (!control || !output) return;
    output.textContent = control instanceof HTMLInputElement && control.type === 'checkbox'
      ? (control.checked ? 'on' : 'off') : control.value;
  }
}
