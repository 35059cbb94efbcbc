// The studio's parts: the file tree, the editor with its tabs, the Problems panel and the status line.
import * as monaco from './monaco';
import * as files from './files';
import { LspConnection } from './lsp';
import { CABIN, Documents } from './language';
import { LspDiagnostic, toMarker } from './convert';

interface OpenFile { path: string; uri: string; etag: string; model: monaco.editor.ITextModel; savedVersion: number; tab: HTMLElement }

const element = (id: string) => document.getElementById(id)!;

export class Workbench implements Documents {
  private readonly open = new Map<string, OpenFile>();
  private readonly diagnostics = new Map<string, LspDiagnostic[]>();
  private active: OpenFile | null = null;
  readonly editor: monaco.editor.IStandaloneCodeEditor;

  constructor(private readonly rootUri: string, private readonly server: LspConnection) {
    this.editor = monaco.editor.create(element('editor'), { automaticLayout: true, model: null, fontSize: 14, minimap: { enabled: false } });
    this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => this.save());
    server.on('textDocument/publishDiagnostics', (params) => this.published(params.uri, params.diagnostics));
  }

  // --- documents, as the language features name them

  documentUri(path: string): string {
    return this.rootUri.replace(/\/$/, '') + '/' + path.split('/').map(encodeURIComponent).join('/');
  }

  uriOf(model: monaco.editor.ITextModel): string {
    for (const file of this.open.values()) if (file.model === model) return file.uri;
    return model.uri.toString();
  }

  modelOf(uri: string): monaco.editor.ITextModel | null {
    return this.fileOf(uri)?.model ?? null;
  }

  diagnosticsOf(uri: string): LspDiagnostic[] {
    return this.diagnostics.get(this.pathOf(uri) ?? uri) ?? [];
  }

  /* The server may spell a file URI file:/ or file:///, and encode otherwise than the browser. */
  private pathOf(uri: string): string | null {
    const plain = (u: string) => decodeURIComponent(u.replace(/^file:\/+/, '/'));
    const root = plain(this.rootUri).replace(/\/$/, '') + '/';
    const file = plain(uri);
    return file.startsWith(root) ? file.substring(root.length) : null;
  }

  private fileOf(uri: string): OpenFile | undefined {
    const path = this.pathOf(uri);
    return path === null ? undefined : this.open.get(path);
  }

  // --- the file tree

  showTree(entries: files.Entry[]): void {
    const root = document.createElement('ul');
    const folders = new Map<string, HTMLElement>([['', root]]);
    for (const entry of entries) {
      const slash = entry.path.lastIndexOf('/');
      const parent = folders.get(slash < 0 ? '' : entry.path.substring(0, slash)) ?? root;
      const item = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = entry.path.substring(slash + 1);
      label.className = entry.folder ? 'folder' : 'file';
      label.dataset.path = entry.path;
      item.append(label);
      if (entry.folder) {
        const children = document.createElement('ul');
        item.append(children);
        folders.set(entry.path, children);
        label.onclick = () => item.classList.toggle('collapsed');
      } else {
        label.onclick = () => this.openFile(entry.path);
      }
      parent.append(item);
    }
    element('files').replaceChildren(root);
  }

  // --- tabs and the editor

  async openFile(path: string, reveal?: monaco.IRange): Promise<void> {
    let file = this.open.get(path);
    if (!file) {
      let opened: files.Opened;
      try {
        opened = await files.read(path);
      } catch (error) {
        this.status(`${path}: ${(error as Error).message}`);
        return;
      }
      file = this.open.get(path) ?? this.track(path, opened);
    }
    this.activate(file);
    if (reveal) {
      this.editor.setSelection(reveal);
      this.editor.revealRangeInCenter(reveal);
      this.editor.focus();
    }
  }

  private track(path: string, opened: files.Opened): OpenFile {
    const uri = this.documentUri(path);
    const language = path.endsWith('.cabin') ? CABIN : 'plaintext';
    const model = monaco.editor.createModel(opened.text, language, monaco.Uri.parse(uri));
    const tab = document.createElement('button');
    tab.className = 'tab';
    tab.setAttribute('role', 'tab');
    tab.textContent = path.substring(path.lastIndexOf('/') + 1);
    tab.title = path;
    const file: OpenFile = { path, uri, etag: opened.etag, model, savedVersion: model.getAlternativeVersionId(), tab };
    tab.onclick = () => this.activate(file);
    element('tabs').append(tab);
    this.open.set(path, file);
    if (language === CABIN) {
      this.server.notify('textDocument/didOpen', { textDocument: { uri, languageId: CABIN, version: model.getVersionId(), text: opened.text } });
      model.onDidChangeContent((event) => {
        this.server.notify('textDocument/didChange', {
          textDocument: { uri, version: model.getVersionId() },
          contentChanges: event.changes.map((change) => ({
            range: { start: { line: change.range.startLineNumber - 1, character: change.range.startColumn - 1 },
              end: { line: change.range.endLineNumber - 1, character: change.range.endColumn - 1 } },
            text: change.text,
          })),
        });
      });
    }
    model.onDidChangeContent(() => this.showDirty(file));
    return file;
  }

  /** The workspace path of the file in the editor, or null. */
  activePath(): string | null {
    return this.active?.path ?? null;
  }

  private activate(file: OpenFile): void {
    this.active = file;
    this.editor.setModel(file.model);
    for (const open of this.open.values()) open.tab.classList.toggle('active', open === file);
    this.status(file.path);
  }

  private showDirty(file: OpenFile): void {
    file.tab.classList.toggle('dirty', file.model.getAlternativeVersionId() !== file.savedVersion);
  }

  async save(): Promise<void> {
    const file = this.active;
    if (!file) return;
    const version = file.model.getAlternativeVersionId();
    try {
      file.etag = await files.save(file.path, file.model.getValue(), file.etag);
      file.savedVersion = version;
      this.showDirty(file);
      this.status(`Saved ${file.path}`);
    } catch (error) {
      this.status(`Not saved: ${(error as Error).message}`, true);
    }
  }

  // --- problems

  private published(uri: string, diagnostics: LspDiagnostic[]): void {
    const path = this.pathOf(uri);
    if (path === null) return;
    this.diagnostics.set(path, diagnostics);
    const model = this.open.get(path)?.model;
    if (model) monaco.editor.setModelMarkers(model, CABIN, diagnostics.map(toMarker));
    this.showProblems();
  }

  private showProblems(): void {
    const list = element('problems');
    const items: HTMLElement[] = [];
    const severities = ['error', 'warning', 'info', 'hint'];
    for (const [path, diagnostics] of [...this.diagnostics.entries()].sort()) {
      for (const diagnostic of diagnostics) {
        const item = document.createElement('li');
        const severity = severities[(diagnostic.severity ?? 1) - 1] ?? 'error';
        item.className = severity;
        const { line, character } = diagnostic.range.start;
        item.textContent = `${path}:${line + 1}:${character + 1}: ${severity}: ${diagnostic.message}`;
        item.onclick = () => this.openFile(path, { startLineNumber: line + 1, startColumn: character + 1,
          endLineNumber: diagnostic.range.end.line + 1, endColumn: diagnostic.range.end.character + 1 });
        items.push(item);
      }
    }
    list.replaceChildren(...items);
    element('problem-count').textContent = String(items.length);
  }

  status(text: string, problem = false): void {
    const line = element('status');
    line.textContent = text;
    line.classList.toggle('problem', problem);
  }
}
