// The Export panel: a signed car package of the open file's agents for a vehicle profile, as `cabin export`
// builds it. The server signs with the key it was started with (`cabin web DIR --key FILE`); the browser only
// ever sees the key's id. Shows the steps, the checks passed and the problems (each at its file:line:col),
// then downloads the package.
import { node } from './lab';

interface Options { profiles: string[]; key: { id?: string; missing?: string } }
interface Built {
  steps: string[]; problems: string[]; passed: string[]; succeeded: boolean;
  download?: number; fileName?: string; bytes?: number;
  manifest?: { version: string; agents: string[]; profile: string; model: string; market: string; signedBy: string };
}

export class ExportPanel {
  private readonly profile = node('select');
  private readonly version = node('input');
  private readonly build = node('button', 'Check and build');
  private readonly key = node('span', '', 'export-key');
  private readonly status = node('span', '', 'lab-status');
  private readonly result = node('div', '', 'export-result');

  constructor(container: HTMLElement, private readonly activePath: () => string | null) {
    this.profile.id = 'export-profile';
    this.version.id = 'export-version';
    this.version.value = '1.0.0';
    this.version.size = 8;
    this.version.title = 'The build\'s version (semantic: 1.2.3)';
    this.build.id = 'export-build';
    this.status.id = 'export-status';
    this.result.id = 'export-result';
    const bar = node('div', undefined, 'tool-bar');
    bar.append(node('span', 'Profile'), this.profile, node('span', 'Version'), this.version, this.build, this.key, this.status);
    container.replaceChildren(bar, this.result);
    this.build.onclick = () => this.run();
  }

  async refresh(): Promise<void> {
    const response = await fetch('api/export/options');
    if (!response.ok) return;
    const options = (await response.json()) as Options;
    const chosen = this.profile.value;
    this.profile.replaceChildren(...options.profiles.map((path) => new Option(path, path)));
    if (chosen) this.profile.value = chosen;
    this.key.textContent = options.key.id ? `signed with key ${options.key.id}` : options.key.missing ?? '';
    this.key.classList.toggle('problem', !options.key.id);
  }

  private async run(): Promise<void> {
    const agent = this.activePath();
    if (!agent || !agent.endsWith('.cabin')) {
      this.say('Open the agent\'s .cabin file first; its agents are packaged.', true);
      return;
    }
    if (!this.profile.value) {
      this.say('The workspace has no vehicle profile (a .yaml or .json file in a folder named profiles).', true);
      return;
    }
    this.build.disabled = true;
    this.say(`Checking ${agent} against ${this.profile.value} and building…`);
    try {
      const query = new URLSearchParams({ agent, profile: this.profile.value, version: this.version.value });
      const response = await fetch(`api/export/build?${query}`, { method: 'POST' });
      const answer = await response.json();
      if (!response.ok) {
        this.say(answer.error, true);
        return;
      }
      this.show(answer as Built);
    } catch (error) {
      this.say(`The build stopped: ${(error as Error).message}`, true);
    } finally {
      this.build.disabled = false;
    }
  }

  private show(built: Built): void {
    const parts: HTMLElement[] = [];
    const list = (title: string, lines: string[], className: string) => {
      if (lines.length === 0) return;
      const items = node('ul', undefined, className);
      for (const line of lines) items.append(node('li', line));
      parts.push(node('div', title, 'export-heading'), items);
    };
    list('Problems', built.problems, 'export-problems');
    list('Checks passed', built.passed, 'export-passed');
    list('Steps', built.steps, 'export-steps');
    if (built.succeeded && built.manifest) {
      const link = node('a', `Download ${built.fileName} (${built.bytes} bytes)`);
      link.id = 'export-download';
      link.href = `api/export/download?id=${built.download}`;
      link.download = built.fileName ?? 'agent.cabinpkg';
      const manifest = built.manifest;
      parts.unshift(node('div', `Version ${manifest.version} of ${manifest.agents.join(', ')} for the ${manifest.model} `
        + `(${manifest.market}, profile ${manifest.profile}), signed by ${manifest.signedBy}`, 'export-summary'), link);
      this.say('Built.');
    } else {
      this.say('No package: fix the problems below.', true);
    }
    this.result.replaceChildren(...parts);
  }

  private say(text: string, problem = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('problem', problem);
  }
}
