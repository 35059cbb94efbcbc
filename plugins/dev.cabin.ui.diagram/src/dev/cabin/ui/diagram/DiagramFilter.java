package dev.cabin.ui.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.load.LoadResult;

/** The "Show:" choice above the diagram: everything, one agent, or one flow of the file as it last parsed. */
final class DiagramFilter {

	private final Combo combo;
	private final List<DiagramOptions> choices = new ArrayList<>();

	/** @param chosen told the choice (without collapsed flows) when the user picks one */
	DiagramFilter(Composite parent, Consumer<DiagramOptions> chosen) {
		combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
		combo.addListener(SWT.Selection, event -> chosen.accept(choices.get(combo.getSelectionIndex())));
	}

	/** Offers the agents and flows of the model, the current choice selected. */
	void update(LoadResult model, DiagramOptions current) {
		List<String> labels = new ArrayList<>(List.of("All agents and flows"));
		choices.clear();
		choices.add(DiagramOptions.ALL);
		for (CabinFile file : model.files()) {
			for (Agent agent : file.getAgents()) {
				labels.add("agent " + agent.getName());
				choices.add(new DiagramOptions(agent.getName(), null, Set.of()));
				agent.getFlows().forEach(flow -> {
					labels.add("    flow " + flow.getName());
					choices.add(new DiagramOptions(agent.getName(), flow.getName(), Set.of()));
				});
			}
		}
		combo.setItems(labels.toArray(String[]::new));
		for (int i = 0; i < choices.size(); i++) {
			DiagramOptions choice = choices.get(i);
			if (Objects.equals(choice.agent(), current.agent()) && Objects.equals(choice.flow(), current.flow())) {
				combo.select(i);
			}
		}
		combo.getParent().layout();
	}
}
