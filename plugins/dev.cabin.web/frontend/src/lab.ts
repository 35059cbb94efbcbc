// The Lab panel: a lab test of the open agent (as `cabin labtest` runs it) on a corpus file of the workspace,
// on the built-in held-back background of unrelated speech (`--background`), or on both, run on the server.
// Progress streams in as server-sent events; then the figures (accuracy, out-of-scope recall, the most
// frequent confusions; the false accepts per 1,000 with the intents they hit and the most confident of them)
// and a link to the HTML report the server keeps.
import type { Entry } from './files';

interface Figures {
  agent: string; corpus: string; n: number; in_scope_n: number; oos_n: number;
  in_scope_accuracy: number | null; in_scope_wrong_acted_on: number;
  oos_recall: number | null; oos_precision: number | null; macro_f1: number | null;
  confusion: { labels: string[]; matrix: number[][] };
  false_accepts?: {
    lines: number; accepted: number; per_1000: number; asked: number; asked_per_1000: number;
    by_intent: Record<string, number>; by_locale: Record<string, { lines: number; accepted: number; per_1000: number }>;
    worst: { text: string; label: string; intent: string; score: number }[];
  };
  throughput_per_s: number;
}

const NO_CORPUS = '';
const CONFUSIONS_SHOWN = 5;
const FALSE_ACCEPTS_SHOWN = 3;

const percent = (share: number | null | undefined) => share == null ? '–' : `${(share * 100).toFixed(1)}%`;
// a count of lines with a thousands separator, as the rates beside it ("per 1,000") have, whatever the browser's locale
const grouped = (lines: number) => lines.toLocaleString('en-US');

/** A new element with its text and class. */
export function node<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
}

/** The most frequent mistakes of a confusion matrix (rows: expected, columns: found), biggest first. */
function confusions(figures: Figures): string[] {
  const { labels, matrix } = figures.confusion;
  const mistakes: [number, string][] = [];
  matrix.forEach((row, expected) => row.forEach((count, found) => {
    if (expected !== found && count > 0) mistakes.push([count, `${labels[expected]} → ${labels[found]}: ${count}`]);
  }));
  return mistakes.sort((a, b) => b[0] - a[0]).slice(0, CONFUSIONS_SHOWN).map(([, text]) => text);
}

export class LabPanel {
  private readonly corpus = node('select');
  private readonly background = node('input');
  private readonly run = node('button', 'Run lab test');
  private readonly progress = node('progress');
  private readonly status = node('span', '', 'lab-status');
  private readonly figures = node('div', '', 'lab-figures');

  constructor(container: HTMLElement, private readonly activePath: () => string | null) {
    this.corpus.id = 'lab-corpus';
    this.background.id = 'lab-background';
    this.background.type = 'checkbox';
    const unrelated = node('label', ' unrelated speech');
    unrelated.title = 'Also run the held-back part of the built-in background of unrelated speech and count the '
      + 'requests the agent would act on (false accepts); without a corpus, the background alone';
    unrelated.prepend(this.background);
    this.run.id = 'lab-run';
    this.progress.id = 'lab-progress';
    this.figures.id = 'lab-figures';
    this.status.id = 'lab-status';
    this.progress.max = 1;
    this.progress.value = 0;
    const bar = node('div', undefined, 'tool-bar');
    bar.append(node('span', 'Corpus'), this.corpus, unrelated, this.run, this.progress, this.status);
    container.replaceChildren(bar, this.figures);
    this.run.onclick = () => this.start();
  }

  /** Offers the workspace's corpus files (.jsonl, .csv, .yml of utterances), or none (the background alone). */
  showFiles(entries: Entry[]): void {
    const chosen = this.corpus.value;
    const corpora = entries.filter((entry) => !entry.folder && /\.(jsonl|csv)$|labtest.*\.ya?ml$|nlu.*\.ya?ml$/i.test(entry.path));
    this.corpus.replaceChildren(...corpora.map((entry) => new Option(entry.path, entry.path)),
      new Option('no corpus', NO_CORPUS));
    if (chosen) this.corpus.value = chosen;
  }

  private async start(): Promise<void> {
    const agent = this.activePath();
    if (!agent || !agent.endsWith('.cabin')) {
      this.say('Open the agent\'s .cabin file first; the lab tests its first agent.', true);
      return;
    }
    if (this.corpus.value === NO_CORPUS && !this.background.checked) {
      this.say('Choose a corpus, or unrelated speech to count the agent\'s false accepts.', true);
      return;
    }
    const query = new URLSearchParams({ agent });
    if (this.corpus.value !== NO_CORPUS) query.set('corpus', this.corpus.value);
    if (this.background.checked) query.set('background', 'true');
    this.run.disabled = true;
    this.progress.removeAttribute('value');
    this.say(`Compiling ${agent}…`);
    try {
      const response = await fetch(`api/lab/run?${query}`, { method: 'POST' });
      if (!response.ok || !response.body) {
        this.say((await response.json().catch(() => ({ error: `${response.status}` }))).error, true);
        return;
      }
      await this.read(response.body.getReader());
    } catch (error) {
      this.say(`The lab test stopped: ${(error as Error).message}`, true);
    } finally {
      this.run.disabled = false;
    }
  }

  /* Server-sent events: "event: NAME\ndata: JSON\n\n". */
  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name && data) this.event(name, JSON.parse(data));
      }
    }
  }

  private event(name: string, data: any): void {
    if (name === 'progress') {
      this.progress.max = Math.max(1, data.total);
      this.progress.value = data.done;
      this.say(`${data.task}: ${data.done}/${data.total}`);
    } else if (name === 'done') {
      this.progress.max = 1;
      this.progress.value = 1;
      this.say('Done.');
      this.show(data.figures as Figures, data.report as number);
    } else if (name === 'error') {
      this.say(data.message, true);
    }
  }

  private show(figures: Figures, report: number): void {
    const table = node('table');
    const row = (what: string, value: string) => {
      const line = node('tr');
      line.append(node('th', what), node('td', value));
      table.append(line);
    };
    row('utterances', `${figures.n} (${figures.in_scope_n} in scope, ${figures.oos_n} out of scope)`);
    row('in-scope accuracy', percent(figures.in_scope_accuracy));
    if (figures.in_scope_n > 0) {
      row('wrong intent acted on', `${grouped(figures.in_scope_wrong_acted_on)} of ${grouped(figures.in_scope_n)} (another intent, not asked first)`);
    }
    row('out-of-scope recall', percent(figures.oos_recall));
    row('out-of-scope precision', percent(figures.oos_precision));
    row('macro F1', figures.macro_f1 == null ? '–' : figures.macro_f1.toFixed(3));
    const accepts = figures.false_accepts;
    if (accepts) {
      const locales = Object.entries(accepts.by_locale)
        .map(([locale, count]) => `${locale} ${count.per_1000.toFixed(1)}`);
      row('false accepts per 1,000', `${accepts.per_1000.toFixed(1)} (${grouped(accepts.accepted)} of ${grouped(accepts.lines)} unrelated requests acted on; ${locales.join(', ')})`);
      row('asked first per 1,000', `${accepts.asked_per_1000.toFixed(1)} (${grouped(accepts.asked)}: "Did you mean …?" instead of acting)`);
      const hit = Object.entries(accepts.by_intent); // the report lists them the most hit first
      row('taken for', hit.length ? hit.map(([intent, count]) => `${intent} ${count}`).join(', ') : 'none');
      if (accepts.worst.length) {
        row('most confident', accepts.worst.slice(0, FALSE_ACCEPTS_SHOWN)
          .map((accept) => `"${accept.text}" → ${accept.intent} (${accept.score.toFixed(3)}, ${accept.label})`).join('; '));
      }
    }
    row('throughput', `${Math.round(figures.throughput_per_s)} utterances/s`);
    const mistakes = confusions(figures);
    row('most confused', mistakes.length ? mistakes.join('; ') : 'none');
    const link = node('a', 'Open the HTML report');
    link.id = 'lab-report';
    link.href = `api/lab/report?id=${report}`;
    link.target = '_blank';
    link.rel = 'noopener';
    this.figures.replaceChildren(node('div', `${figures.agent} on ${figures.corpus}`, 'lab-title'), table, link);
  }

  private say(text: string, problem = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('problem', problem);
  }
}
