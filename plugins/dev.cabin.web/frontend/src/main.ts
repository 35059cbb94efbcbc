// Cabin Studio in the browser: the workspace's files, the editor and its language server, and the problems. The
// flow diagram and the Simulator, Lab and Export panels come with a second script (panels.ts), once the editor
// shows a file.
import * as monaco from './monaco';
import * as files from './files';
import { LspConnection } from './lsp';
import { registerFeatures, registerHighlighting } from './language';
import { Workbench } from './workbench';

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
  const entries = await files.tree();
  workbench.showTree(entries);
  loadPanelsWhenAFileIsShown(workbench, entries);
  document.body.dataset.ready = 'true';
}

/*
 * The second script is fetched once the editor has painted the first file it shows, or after a second if no file
 * is opened by then: on a first visit its download and compilation would otherwise delay the editor.
 */
function loadPanelsWhenAFileIsShown(workbench: Workbench, entries: files.Entry[]): void {
  let requested = false;
  const load = () => {
    if (requested) return;
    requested = true;
    const script = document.createElement('script');
    script.src = document.querySelector<HTMLMetaElement>('meta[name="cabin-panels"]')!.content;
    script.onload = () => {
      (window as any).cabinPanels.start(workbench, entries);
      document.body.dataset.panels = 'true';
    };
    script.onerror = () => workbench.status('The flow diagram and the panels could not be loaded: reload the page.', true);
    document.body.append(script);
  };
  const shown = workbench.editor.onDidChangeModel(() => {
    shown.dispose();
    requestAnimationFrame(() => setTimeout(load));
  });
  setTimeout(load, 1000);
}

start().catch((error) => {
  document.getElementById('status')!.textContent = `Cabin Studio could not start: ${error.message}`;
});
