package dev.cabin.diagram.edit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import dev.cabin.diagram.graph.ElementIds;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Branch;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.Step;
import dev.cabin.dsl.cabin.Trigger;

/**
 * The diagram's editing actions as text edits of the .cabin document: new text goes on lines of its own,
 * indented like its neighbours with the document's own indentation and line breaks; deletions take whole
 * lines only when the element has them to itself; everything else, comments included, stays as written.
 * Elements are named by their diagram ids ({@link ElementIds}).
 */
public final class SourceEdits {

	private static final Pattern ID = Pattern.compile("\\^?[A-Za-z_][A-Za-z0-9_]*");

	private final CabinFile file;
	private final String text;
	private final String newline;

	/** Edits of the document that the file was parsed from (an Xtext resource with its node model). */
	public SourceEdits(CabinFile file) {
		this.file = file;
		this.text = ((XtextResource) file.eResource()).getParseResult().getRootNode().getText();
		this.newline = text.contains("\r\n") ? "\r\n" : "\n";
	}

	/* ---------------------------------------------------------------- adding */

	/** A new step after the given step, or at the end of the given flow. */
	public EditPlan addStepAfter(String elementId, StepTemplate template) throws EditException {
		EObject element = element(elementId);
		if (element instanceof Flow flow) {
			return addStepAtEnd(flow, template);
		}
		if (!(element instanceof Step step)) {
			throw new EditException("a step can be added after a step or at the end of a flow");
		}
		return insertAfter(step, template, "Add " + template.label());
	}

	/** A new case in a branch, after its last case. */
	public EditPlan addCase(String branchId) throws EditException {
		if (!(element(branchId) instanceof Branch branch) || branch.getCases().isEmpty()) {
			throw new EditException("a case can be added to a branch");
		}
		return insertAfter(branch.getCases().get(branch.getCases().size() - 1), StepTemplate.branchCase(),
				"Add a case");
	}

	/**
	 * Leads to a flow: a trigger starts that flow instead of what it did; after a step, or at the end of a
	 * flow, a {@code run} step runs it.
	 */
	public EditPlan connectToFlow(String elementId, String flowName) throws EditException {
		EObject element = element(elementId);
		Agent agent = ElementIds.agentOf(element);
		Flow target = agent.getFlows().stream().filter(flow -> flowName.equals(flow.getName())).findFirst()
				.orElseThrow(() -> new EditException("agent " + agent.getName() + " has no flow named " + flowName));
		if (element instanceof Trigger trigger) {
			ICompositeNode action = node(trigger.getAction());
			String replacement = "flow " + flowName;
			return new EditPlan("Start flow " + flowName,
					List.of(new TextEdit(action.getOffset(), action.getLength(), replacement)), action.getOffset(),
					replacement.length());
		}
		return addStepAfter(elementId, StepTemplate.run(target));
	}

	private EditPlan addStepAtEnd(Flow flow, StepTemplate template) throws EditException {
		if (!flow.getSteps().isEmpty()) {
			return insertAfter(flow.getSteps().get(flow.getSteps().size() - 1), template, "Add " + template.label());
		}
		ICompositeNode flowNode = node(flow);
		int brace = -1;
		int closing = -1;
		for (ILeafNode leaf : flowNode.getLeafNodes()) {
			if (!leaf.isHidden() && leaf.getText().equals("{") && brace < 0) {
				brace = leaf.getEndOffset();
			} else if (!leaf.isHidden() && leaf.getText().equals("}")) {
				closing = leaf.getOffset();
			}
		}
		if (brace < 0 || closing < 0) {
			throw new EditException("flow " + flow.getName() + " has no braces to add a step between");
		}
		String flowIndent = indentOf(flowNode.getOffset());
		Rendered rendered = render(template, flowIndent + indentUnit(), newline);
		String after = text.substring(brace, closing).contains("\n") ? "" : newline + flowIndent;
		return new EditPlan("Add " + template.label(), List.of(new TextEdit(brace, 0, rendered.text + after)),
				brace + rendered.selectionStart, rendered.selectionLength);
	}

	/** Inserts the template on new lines after the element, at the element's indentation. */
	private EditPlan insertAfter(EObject anchor, StepTemplate template, String description) {
		ICompositeNode node = node(anchor);
		int end = node.getEndOffset();
		int lineEnd = lineEnd(end);
		String rest = text.substring(end, lineEnd).strip();
		int at = rest.isEmpty() || rest.startsWith("//") ? lineEnd : end;
		Rendered rendered = render(template, indentOf(node.getOffset()), newline);
		return new EditPlan(description, List.of(new TextEdit(at, 0, rendered.text)), at + rendered.selectionStart,
				rendered.selectionLength);
	}

	private record Rendered(String text, int selectionStart, int selectionLength) {
	}

	/** The template's lines, each on a new line with the indentation; the selection marks taken out. */
	private Rendered render(StepTemplate template, String indent, String lineBreak) {
		String unit = indentUnit();
		StringBuilder out = new StringBuilder();
		for (String line : template.lines()) {
			int level = 0;
			while (level < line.length() && line.charAt(level) == '\t') {
				level++;
			}
			out.append(lineBreak).append(indent).append(unit.repeat(level)).append(line.substring(level));
		}
		int start = out.indexOf("«");
		int stop = out.indexOf("»");
		if (start < 0 || stop < start) {
			return new Rendered(out.toString(), out.length(), 0);
		}
		out.deleteCharAt(stop).deleteCharAt(start);
		return new Rendered(out.toString(), start, stop - start - 1);
	}

	/* ---------------------------------------------------------------- renaming */

	/** Renames an agent, intent or flow, and every reference to it (and to what it contains) in the document. */
	public EditPlan rename(String elementId, String newName) throws EditException {
		EObject element = element(elementId);
		if (!(element instanceof Agent || element instanceof Intent || element instanceof Flow)) {
			throw new EditException("agents, intents and flows can be renamed");
		}
		EStructuralFeature nameFeature = element.eClass().getEStructuralFeature("name");
		String oldName = (String) element.eGet(nameFeature);
		checkName(element, newName);
		List<TextEdit> edits = new ArrayList<>();
		INode declaration = NodeModelUtils.findNodesForFeature(element, nameFeature).get(0);
		edits.add(new TextEdit(declaration.getOffset(), declaration.getLength(), newName));
		for (Reference reference : references(element)) {
			for (INode node : NodeModelUtils.findNodesForFeature(reference.owner, reference.feature)) {
				List<ILeafNode> segments = new ArrayList<>();
				for (ILeafNode leaf : node.getLeafNodes()) {
					if (!leaf.isHidden() && !leaf.getText().equals(".")) {
						segments.add(leaf);
					}
				}
				int index = segments.size() - 1 - namedSteps(reference.target, element);
				if (index >= 0 && segments.get(index).getText().equals(oldName)) {
					edits.add(new TextEdit(segments.get(index).getOffset(), oldName.length(), newName));
				}
			}
		}
		return new EditPlan("Rename " + oldName + " to " + newName, edits,
				declaration.getOffset() + shift(edits, declaration.getOffset()), newName.length());
	}

	private void checkName(EObject element, String newName) throws EditException {
		IGrammarAccess grammar = ((XtextResource) file.eResource()).getResourceServiceProvider()
				.get(IGrammarAccess.class);
		Set<String> keywords = GrammarUtil.getAllKeywords(grammar.getGrammar());
		if (!ID.matcher(newName).matches() || keywords.contains(newName)) {
			throw new EditException("\"" + newName + "\" is not a name: use letters, digits and _, not starting with a"
					+ " digit, and no keyword of the language");
		}
		for (EObject sibling : element.eContainer().eContents()) {
			if (sibling != element && sibling.eClass() == element.eClass()
					&& newName.equals(sibling.eGet(sibling.eClass().getEStructuralFeature("name")))) {
				throw new EditException("there is already " + withArticle(kindOf(element)) + " named " + newName);
			}
		}
	}

	/** How many named elements lie between a referenced element and the renamed one (0 if they are the same). */
	private static int namedSteps(EObject referenced, EObject renamed) {
		int steps = 0;
		for (EObject current = referenced; current != renamed; current = current.eContainer()) {
			if (current.eClass().getEStructuralFeature("name") != null) {
				steps++;
			}
		}
		return steps;
	}

	/** How far an offset moves when the edits before it are applied. */
	private static int shift(List<TextEdit> edits, int offset) {
		return edits.stream().filter(edit -> edit.offset() < offset)
				.mapToInt(edit -> edit.text().length() - edit.length()).sum();
	}

	/* ---------------------------------------------------------------- deleting */

	/**
	 * Deletes a step (with what it contains), a trigger, or a flow or intent that nothing refers to. An
	 * element alone on its lines takes its lines with it (and a comment at the end of its last line).
	 */
	public EditPlan delete(String elementId) throws EditException {
		EObject element = element(elementId);
		if (!(element instanceof Step || element instanceof Trigger || element instanceof Flow
				|| element instanceof Intent)) {
			throw new EditException("steps, triggers, flows and intents can be deleted");
		}
		List<Reference> uses = references(element);
		if (!uses.isEmpty()) {
			List<String> lines = uses.stream().map(use -> Integer.toString(node(use.owner).getStartLine())).distinct()
					.toList();
			throw new EditException(kindOf(element) + " " + element.eGet(element.eClass().getEStructuralFeature("name"))
					+ " is still used on line" + (lines.size() == 1 ? " " : "s ") + String.join(", ", lines)
					+ "; change " + (lines.size() == 1 ? "that use" : "those uses") + " first");
		}
		ICompositeNode node = node(element);
		int start = node.getOffset();
		int end = node.getEndOffset();
		int lineStart = text.lastIndexOf('\n', start - 1) + 1;
		int lineEnd = lineEnd(end);
		String rest = text.substring(end, lineEnd).strip();
		if (text.substring(lineStart, start).isBlank() && (rest.isEmpty() || rest.startsWith("//"))) {
			start = lineStart;
			end = lineEnd < text.length() ? text.indexOf('\n', lineEnd) + 1 : lineEnd;
		}
		return new EditPlan("Delete " + withArticle(kindOf(element)), List.of(new TextEdit(start, end - start, "")), start, 0);
	}

	/* ---------------------------------------------------------------- helpers */

	private record Reference(EObject owner, EReference feature, EObject target) {
	}

	/** The cross-references in the document to the element or to what it contains. */
	private List<Reference> references(EObject element) {
		List<Reference> references = new ArrayList<>();
		for (Iterator<EObject> it = file.eAllContents(); it.hasNext();) {
			EObject owner = it.next();
			for (EReference feature : owner.eClass().getEAllReferences()) {
				if (feature.isContainment() || feature.isContainer() || feature.isMany()) {
					continue;
				}
				if (owner.eGet(feature) instanceof EObject target && EcoreUtil.isAncestor(element, target)) {
					references.add(new Reference(owner, feature, target));
				}
			}
		}
		return references;
	}

	private EObject element(String id) throws EditException {
		EObject element = ElementIds.find(List.of(file), id);
		if (element == null) {
			throw new EditException("the diagram is out of date: the text has no " + id + " any more");
		}
		return element;
	}

	private static ICompositeNode node(EObject element) {
		return NodeModelUtils.findActualNodeFor(element);
	}

	/** The offset of the line break (or the end of the text) that ends the line containing the offset. */
	private int lineEnd(int offset) {
		int newlineAt = text.indexOf('\n', offset);
		if (newlineAt < 0) {
			return text.length();
		}
		return newlineAt > 0 && text.charAt(newlineAt - 1) == '\r' ? newlineAt - 1 : newlineAt;
	}

	/** The white space that starts the line containing the offset. */
	private String indentOf(int offset) {
		int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
		int end = lineStart;
		while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		return text.substring(lineStart, end);
	}

	/**
	 * One level of indentation as the document writes it: what a flow adds to its agent's indentation, or a
	 * step to its flow's; a tab if the document does not tell.
	 */
	private String indentUnit() {
		for (Iterator<EObject> it = file.eAllContents(); it.hasNext();) {
			EObject child = it.next();
			if (child instanceof Flow && child.eContainer() instanceof Agent
					|| child instanceof Step && child.eContainer() instanceof Flow) {
				String inner = indentOf(node(child).getOffset());
				String outer = indentOf(node(child.eContainer()).getOffset());
				if (inner.length() > outer.length() && inner.startsWith(outer)) {
					return inner.substring(outer.length());
				}
			}
		}
		return "\t";
	}

	private static String kindOf(EObject element) {
		return element instanceof Agent ? "agent" : element instanceof Intent ? "intent"
				: element instanceof Flow ? "flow" : element instanceof Trigger ? "trigger" : "step";
	}

	private static String withArticle(String kind) {
		return (kind.startsWith("a") || kind.startsWith("i") ? "an " : "a ") + kind;
	}
}
