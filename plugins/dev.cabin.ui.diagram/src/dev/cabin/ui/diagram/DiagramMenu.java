package dev.cabin.ui.diagram;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;

import dev.cabin.diagram.edit.StepTemplate;
import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.graph.ElementIds;
import dev.cabin.diagram.graph.NodeKind;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.load.LoadResult;

/**
 * The context menu of the diagram: what can be done to the selected box, each as an edit of the text. The
 * choices (flows to run, tools to call, agents to hand off to, slots to ask for) come from the text as it is.
 */
final class DiagramMenu {

	private final DiagramView view;

	DiagramMenu(DiagramView view) {
		this.view = view;
	}

	void fill(IMenuManager menu) {
		DiagramNode node = view.node(view.selection());
		LoadResult model = node == null || view.editor() == null ? null : view.parseDocument();
		EObject element = model == null ? null : ElementIds.find(model.files(), node.id());
		if (element != null) {
			Agent agent = ElementIds.agentOf(element);
			String id = node.id();
			if (node.step()) {
				menu.add(addStepMenu("Add Step After", id, agent, model.files().get(0)));
				menu.add(edit("Add Branch After", edits -> edits.addStepAfter(id, StepTemplate.branch())));
				if (node.kind() == NodeKind.BRANCH) {
					menu.add(edit("Add Case", edits -> edits.addCase(id)));
				}
				menu.add(flowsMenu("Connect to Flow", id, agent, ElementIds.flowOf(element)));
				menu.add(edit("Delete Step", edits -> edits.delete(id)));
			} else if (node.kind() == NodeKind.FLOW) {
				menu.add(addStepMenu("Add Step at End", id, agent, model.files().get(0)));
				menu.add(flowsMenu("Connect to Flow", id, agent, (Flow) element));
				menu.add(DiagramView.action(node.collapsed() ? "Expand Flow" : "Collapse Flow", null,
						() -> view.toggleCollapsed(id)));
				menu.add(rename("Rename Flow\u2026", id, ((Flow) element).getName()));
				menu.add(edit("Delete Flow", edits -> edits.delete(id)));
			} else if (node.kind() == NodeKind.TRIGGER) {
				menu.add(flowsMenu("Start Flow", id, agent, null));
				menu.add(edit("Delete Trigger", edits -> edits.delete(id)));
			} else if (node.kind() == NodeKind.INTENT) {
				menu.add(rename("Rename Intent\u2026", id, ((Intent) element).getName()));
				menu.add(edit("Delete Intent", edits -> edits.delete(id)));
			} else if (node.kind() == NodeKind.AGENT) {
				menu.add(rename("Rename Agent\u2026", id, agent.getName()));
			}
			menu.add(new Separator());
		}
		menu.add(DiagramView.action("Fit", null, view.canvas()::fit));
	}

	private MenuManager addStepMenu(String label, String id, Agent agent, CabinFile file) {
		MenuManager menu = new MenuManager(label);
		for (StepTemplate template : List.of(StepTemplate.say(), StepTemplate.generate(), StepTemplate.confirm(),
				StepTemplate.end())) {
			menu.add(edit(template.label(), edits -> edits.addStepAfter(id, template)));
		}
		List<StepTemplate> more = new ArrayList<>();
		for (Intent intent : agent.getIntents()) {
			for (Slot slot : intent.getSlots()) {
				more.add(StepTemplate.ask(slot));
			}
		}
		List<Tool> tools = new ArrayList<>(file.getTools());
		tools.addAll(agent.getTools());
		tools.forEach(tool -> more.add(StepTemplate.call(tool)));
		for (Agent other : file.getAgents()) {
			if (other != agent) {
				more.add(StepTemplate.handoff(other));
			}
		}
		if (!more.isEmpty()) {
			menu.add(new Separator());
			more.forEach(template -> menu.add(edit(template.label(), edits -> edits.addStepAfter(id, template))));
		}
		return menu;
	}

	private MenuManager flowsMenu(String label, String id, Agent agent, Flow except) {
		MenuManager menu = new MenuManager(label);
		for (Flow flow : agent.getFlows()) {
			if (flow != except) {
				menu.add(edit(flow.getName(), edits -> edits.connectToFlow(id, flow.getName())));
			}
		}
		return menu;
	}

	private org.eclipse.jface.action.Action rename(String label, String id, String oldName) {
		return DiagramView.action(label, null, () -> {
			InputDialog dialog = new InputDialog(view.canvas().getShell(), label.replace("\u2026", ""), "New name:",
					oldName, null);
			if (dialog.open() == IDialogConstants.OK_ID && !dialog.getValue().equals(oldName)) {
				view.apply(edits -> edits.rename(id, dialog.getValue().strip()));
			}
		});
	}

	private org.eclipse.jface.action.Action edit(String label, DiagramView.EditAction action) {
		return DiagramView.action(label, null, () -> view.apply(action));
	}
}
