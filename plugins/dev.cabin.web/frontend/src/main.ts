// Cabin Studio in the browser: the workspace's files, the editor and its language server, the problems, and
// the Simulator, Lab and Export panels.
import * as monaco from './monaco';
import * as files from './files';
import { LspConnection } from './lsp';
import { registerFeatures, registerHighlighting } from './language';
import { Workbench } from './workbench';
import { SimulatorPanel } from './simulator';
import { LabPanel } from './lab';
import { ExportPanel } from './export';
import { FlowDiagram } from './diagram';

(self as any).MonacoEnvironment = { getWorkerUrl: () => 'editor.worker.js' };

async function start(): Promise<void> {
  const workspace = await files.workspace();
  document.getElementById('workspace-name')!.textContent = workspace.name;
  registerHighlighting();
  const server = LspConnection.open('/lsp');
  (window as any).cabinLspTrace = server.trace;
  const workbench = new Workbench(workspace.rootUri, server);
  server.onClose = (reason) => workbench.status(`Language server: ${reason}. Reload the page to reconnect.`, true);
  monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selection) {
      const path = decodeURIComponent(resource.path).replace(decodeURIComponent(monaco.Uri.parse(workspace.rootUri).path).replace(/\/?$/, '/'), '');
      const range = selection && 'startLineNumber' in selection ? selection : undefined;
      workbench.openFile(path, range);
      return true;
    },
  });
  // the editor is usable while the server starts its session; what the editor sends meanwhile waits for it
  server.initialize({ processId: null, rootUri: null, capabilities: {
    textDocument: { publishDiagnostics: {}, completion: { completionItem: { snippetSupport: true } }, hover: {}, definition: {},
      rename: {}, formatting: {}, codeAction: {} } } })
    .then(() => workbench.status('Ready'))
    .catch((error) => workbench.status(`Language server: ${error.message}`, true));
  workbench.status('Starting the language server…');
  registerFeatures(server, workbench);
  new SimulatorPanel(() => workbench.activePath());
  const lab = new LabPanel(document.getElementById('lab')!, () => workbench.activePath());
  const exporter = new ExportPanel(document.getElementById('export')!, () => workbench.activePath());
  document.querySelectorAll<HTMLButtonElement>('.tool-tab').forEach((tab) => tab.addEventListener('click', () => {
    document.querySelectorAll('.tool-tab, .tool').forEach((shown) => shown.classList.remove('active'));
    tab.classList.add('active');
    document.getElementById(tab.dataset.tool!)!.classList.add('active');
    if (tab.dataset.tool === 'lab') files.tree().then((entries) => lab.showFiles(entries));
    if (tab.dataset.tool === 'export') exporter.refresh();
  }));
  const entries = await files.tree();
  lab.showFiles(entries);
  workbench.showTree(entries);
  new FlowDiagram(workbench).connect()
    .catch((error) => workbench.status(`Flow diagram: ${error.message ?? error}`, true));
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  document.getElementById('status')!.textContent = `Cabin Studio could not start: ${error.message}`;
});
