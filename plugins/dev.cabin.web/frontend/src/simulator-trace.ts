// A turn's trace as a tree to unfold: the event, what the recognizer heard and chose, the steps run, the tool
// calls, the LLM exchanges, the notes and the time per stage. The server sends the engine's trace as data, with
// its secrets already masked; this only lays it out.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// the parts of a trace an author looks at first are open
const OPEN = new Set(['event', 'toolCalls', 'visits', 'transitions', 'notes']);

function leaf(key: string, value: Json): HTMLElement {
  const item = document.createElement('div');
  item.className = 'trace-leaf';
  const name = document.createElement('span');
  name.className = 'trace-key';
  name.textContent = key;
  const shown = document.createElement('span');
  shown.className = `trace-value ${value === null ? 'null' : typeof value}`;
  shown.textContent = typeof value === 'string' ? value : JSON.stringify(value);
  item.append(name, shown);
  return item;
}

function summaryOf(value: Json): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.length}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const named = ['type', 'tool', 'flow', 'intent', 'text'].find((key) => typeof value[key] === 'string');
    return named ? String(value[named]) : `{${keys.length}}`;
  }
  return '';
}

/** One node of the tree: a leaf for a plain value, something to unfold for a list or an object. */
export function traceNode(key: string, value: Json, depth = 0): HTMLElement {
  if (value === null || typeof value !== 'object' || (Array.isArray(value) ? value.length : Object.keys(value).length) === 0) {
    return leaf(key, value);
  }
  const node = document.createElement('details');
  node.open = depth === 0 ? OPEN.has(key) : depth < 2;
  const summary = document.createElement('summary');
  const name = document.createElement('span');
  name.className = 'trace-key';
  name.textContent = key;
  const hint = document.createElement('span');
  hint.className = 'trace-hint';
  hint.textContent = summaryOf(value);
  summary.append(name, hint);
  node.append(summary);
  const entries: [string, Json][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  for (const [childKey, child] of entries) node.append(traceNode(childKey, child, depth + 1));
  return node;
}

/** A turn's trace, folded under its number and what it was about. */
export function traceTree(number: number, about: string, trace: Record<string, Json>): HTMLElement {
  const turn = document.createElement('details');
  turn.className = 'trace-turn';
  const summary = document.createElement('summary');
  summary.textContent = `Turn ${number}: ${about}`;
  turn.append(summary);
  for (const [key, value] of Object.entries(trace)) turn.append(traceNode(key, value));
  return turn;
}
