// The diagram's edit buttons: each acts on the selected node (Delete on every selected one) and becomes a GLSP
// turns into text edits of the document (see diagram.ts).
import { ApplyLabelEditOperation, CreateEdgeOperation, CreateNodeOperation, DeleteElementOperation, Operation } from '@eclipse-glsp/client';

interface EditButton { label: string; title: string; several?: boolean; operation(selected: string[]): Operation | null }

const BUTTONS: EditButton[] = [
  { label: '+ Say', title: 'Add a say step after the selected step (or at the end of the selected flow)',
    operation: ([selected]) => CreateNodeOperation.create('step:say', { containerId: selected }) },
  { label: '+ Branch', title: 'Add a branch after the selected step',
    operation: ([selected]) => CreateNodeOperation.create('step:branch', { containerId: selected }) },
  { label: '+ Case', title: 'Add a case to the selected branch',
    operation: ([selected]) => CreateNodeOperation.create('case', { containerId: selected }) },
  { label: 'Run flow…', title: 'Run another flow after the selected step, or let the selected trigger start it',
    operation: ([selected]) => {
      const flow = prompt('Name of the flow to run');
      const agent = selected.split('.')[0];
      return flow ? CreateEdgeOperation.create({ elementTypeId: 'edge:run', sourceElementId: selected, targetElementId: `${agent}.flow.${flow}` }) : null;
    } },
  { label: 'Rename…', title: 'Rename the selected agent, intent or flow, and every use of it',
    operation: ([selected]) => {
      const name = prompt('New name');
      return name ? ApplyLabelEditOperation.create({ labelId: `${selected}_title`, text: name }) : null;
    } },
  { label: 'Delete', title: 'Delete the selected steps, triggers, flows or intents from the text, in one edit', several: true,
    operation: (selected) => DeleteElementOperation.create(selected) },
];

export class DiagramEditBar {
  constructor(private readonly selected: () => string[], private readonly send: (operation: Operation) => unknown) {
    const bar = document.getElementById('diagram-edits');
    for (const button of BUTTONS) {
      const element = document.createElement('button');
      element.textContent = button.label;
      element.title = button.title;
      element.addEventListener('click', () => this.apply(button));
      bar?.appendChild(element);
    }
  }

  private apply(button: EditButton): void {
    const selected = this.selected();
    if (selected.length === 0 || (selected.length > 1 && !button.several)) {
      document.getElementById('diagram-message')!.textContent = button.several ? 'Select nodes in the diagram first (Ctrl+click for more).'
        : 'Select one node in the diagram first.';
      return;
    }
    const operation = button.operation(selected);
    if (operation) this.send(operation);
  }
}
