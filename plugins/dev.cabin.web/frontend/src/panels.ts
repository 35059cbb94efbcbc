// The Simulator, Lab and Export panels below the editor, and their tabs. Loaded after the editor is up.
import * as files from './files';
import { SimulatorPanel } from './simulator';
import { LabPanel } from './lab';
import { ExportPanel } from './export';

export function showPanels(activePath: () => string | null, entries: files.Entry[]): void {
  new SimulatorPanel(activePath);
  const lab = new LabPanel(document.getElementById('lab')!, activePath);
  const exporter = new ExportPanel(document.getElementById('export')!, activePath);
  document.querySelectorAll<HTMLButtonElement>('.tool-tab').forEach((tab) => tab.addEventListener('click', () => {
    document.querySelectorAll('.tool-tab, .tool').forEach((shown) => shown.classList.remove('active'));
    tab.classList.add('active');
    document.getElementById(tab.dataset.tool!)!.classList.add('active');
    if (tab.dataset.tool === 'lab') files.tree().then((tree) => lab.showFiles(tree));
    if (tab.dataset.tool === 'export') exporter.refresh();
  }));
  lab.showFiles(entries);
}
