// The studio's parts that can wait until the editor shows a file: the flow diagram (Eclipse GLSP's client, a
// quarter of the page's script) and the Simulator, Lab and Export panels. They are a second script, which the
// page loads once the first file is on screen, so that a first visit compiles only the editor before it can be
// used. What they need of the page comes from the first script, through the studio object handed to start().
import * as files from './files';
import { DiagramHost, FlowDiagram } from './diagram';
import { SimulatorPanel } from './simulator';
import { LabPanel } from './lab';
import { ExportPanel } from './export';

export function start(studio: DiagramHost, entries: files.Entry[]): void {
  new SimulatorPanel(() => studio.activePath());
  const lab = new LabPanel(document.getElementById('lab')!, () => studio.activePath());
  const exporter = new ExportPanel(document.getElementById('export')!, () => studio.activePath());
  document.querySelectorAll<HTMLButtonElement>('.tool-tab').forEach((tab) => tab.addEventListener('click', () => {
    document.querySelectorAll('.tool-tab, .tool').forEach((shown) => shown.classList.remove('active'));
    tab.classList.add('active');
    document.getElementById(tab.dataset.tool!)!.classList.add('active');
    if (tab.dataset.tool === 'lab') files.tree().then((latest) => lab.showFiles(latest));
    if (tab.dataset.tool === 'export') exporter.refresh();
  }));
  lab.showFiles(entries);
  new FlowDiagram(studio).connect()
    .catch((error) => studio.status(`Flow diagram: ${error.message ?? error}`, true));
}
