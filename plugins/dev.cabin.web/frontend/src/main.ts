// Cabin Studio in the browser: the workspace's files, the editor and its language server, the problems.
import * as monaco from './monaco';
import * as files from './files';
import { LspConnection } from './lsp';
import { registerFeatures, registerHighlighting } from './language';
import { Workbench } from './workbench';
import { SimulatorPanel } from './simulator';
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
  workbench.showTree(await files.tree());
  new FlowDiagram(workbench).connect()
    .catch((error) => workbench.status(`Flow diagram: ${error.message ?? error}`, true));
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  document.getElementById('status')!.textContent = `Cabin Studio could not start: ${error.message}`;
});
