// Cabin Studio in the browser: the workspace's files, the editor and its language server, the problems; then the
// flow diagram and the Simulator, Lab and Export panels. What the editor does not need — the panels, and the diagram (GLSP's
// client, sprotty, inversify: a quarter of the script) — is fetched and compiled after the editor is up, the
// diagram once the first file is in the editor, so that a first visit does not wait for it (see build.mjs).
import * as monaco from './monaco';
import * as files from './files';
import { LspConnection } from './lsp';
import { registerFeatures, registerHighlighting } from './language';
import { Workbench } from './workbench';

const QUIET_MS = 3000;

(self as any).MonacoEnvironment = { getWorkerUrl: () => 'editor.worker.js' };

/* The page asks for both as it loads (index.html preloads them), while the browser compiles the script. */
async function start(): Promise<void> {
  const [workspace, entries] = await Promise.all([files.workspace(), files.tree()]);
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
  workbench.showTree(entries);
  // the studio is usable: files open in the editor
  document.body.dataset.ready = 'true';

  const { showPanels } = await import('./panels');
  showPanels(() => workbench.activePath(), entries);
  await firstFileShown(workbench);
  const { FlowDiagram } = await import('./diagram');
  new FlowDiagram(workbench).connect()
    .catch((error) => workbench.status(`Flow diagram: ${error.message ?? error}`, true));
  // the panels and the diagram are there too
  document.body.dataset.loaded = 'true';
}

/*
 * Once the editor has drawn the first file the author opens, or after a few quiet seconds without one: compiling
 * the diagram's code takes the page's main thread for a while, which should not be the moment a file opens.
 */
function firstFileShown(workbench: Workbench): Promise<void> {
  return new Promise((resolve) => {
    const shown = () => requestAnimationFrame(() => setTimeout(resolve, 0));
    const opened = workbench.editor.onDidChangeModel(() => { opened.dispose(); shown(); });
    setTimeout(resolve, QUIET_MS);
  });
}

start().catch((error) => {
  document.getElementById('status')!.textContent = `Cabin Studio could not start: ${error.message}`;
});
