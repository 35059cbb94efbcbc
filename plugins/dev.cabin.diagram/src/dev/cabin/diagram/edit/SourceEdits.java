package dev.cabin.diagram.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
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
		return delete(List.of(elementId));
	}

	/**
	 * Deletes several elements in one edit, each as {@link #delete(String)} does. An element inside another one
	 * of them goes with it; a use of an element by another one of them does not keep it.
	 */
	public EditPlan delete(List<String> elementIds) throws EditException {
		Set<EObject> chosen = new LinkedHashSet<>();
		for (String id : elementIds) {
			EObject element = element(id);
			if (!(element instanceof Step || element instanceof Trigger || element instanceof Flow
					|| element instanceof Intent)) {
				throw new EditException("steps, triggers, flows and intents can be deleted");
			}
			chosen.add(element);
		}
		List<EObject> deleted = chosen.stream()
				.filter(element -> chosen.stream().noneMatch(other -> other != element && EcoreUtil.isAncestor(other, element)))
				.toList();
		List<TextEdit> edits = new ArrayList<>();
		for (EObject element : deleted) {
			requireUnused(element, deleted);
			Span span = ownSpan(element);
			edits.add(new TextEdit(span.start, span.end - span.start, ""));
		}
		edits = joined(edits);
		String description = deleted.size() == 1 ? "Delete " + withArticle(kindOf(deleted.get(0)))
				: "Delete " + deleted.size() + " elements";
		return new EditPlan(description, edits, edits.get(0).offset(), 0);
	}

	private void requireUnused(EObject element, List<EObject> deleted) throws EditException {
		List<Reference> uses = references(element).stream()
				.filter(use -> deleted.stream().noneMatch(gone -> EcoreUtil.isAncestor(gone, use.owner))).toList();
		if (!uses.isEmpty()) {
			List<String> lines = uses.stream().map(use -> Integer.toString(node(use.owner).getStartLine())).distinct()
					.toList();
			throw new EditException(kindOf(element) + " " + element.eGet(element.eClass().getEStructuralFeature("name"))
					+ " is still used on line" + (lines.size() == 1 ? " " : "s ") + String.join(", ", lines)
					+ "; change " + (lines.size() == 1 ? "that use" : "those uses") + " first");
		}
	}

	/** Deletions in document order, those that touch made one (an editor takes no two edits that meet). */
	private static List<TextEdit> joined(List<TextEdit> deletions) {
		List<TextEdit> sorted = deletions.stream().sorted(Comparator.comparingInt(TextEdit::offset)).toList();
		List<TextEdit> joined = new ArrayList<>();
		for (TextEdit edit : sorted) {
			TextEdit last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
			if (last != null && last.offset() + last.length() == edit.offset()) {
				joined.set(joined.size() - 1, new TextEdit(last.offset(), last.length() + edit.length(), ""));
			} else {
				joined.add(edit);
			}
		}
		return joined;
	}

	/**
	 * Where an element is written: its own lines when it has them to itself (with a comment at the end of its
	 * last line), else just its text; {@code text} is what it says there, without the line break.
	 */
	private record Span(int start, int end, String text) {
	}

	private Span ownSpan(EObject element) {
		ICompositeNode node = node(element);
		int start = node.getOffset();
		int end = node.getEndOffset();
		int lineStart = text.lastIndexOf('\n', start - 1) + 1;
		int lineEnd = lineEnd(end);
		String rest = text.substring(end, lineEnd).strip();
		if (text.substring(lineStart, start).isBlank() && (rest.isEmpty() || rest.startsWith("//"))) {
			int nextLine = lineEnd < text.length() ? text.indexOf('\n', lineEnd) + 1 : lineEnd;
			return new Span(lineStart, nextLine, text.substring(start, lineEnd).stripTrailing());
		}
		return new Span(start, end, text.substring(start, end));
	}

	/* ---------------------------------------------------------------- moving */

	/**
	 * Moves a step, with what it contains and a comment at the end of its last line, before or after another
	 * step of the same flow, at that step's indentation.
	 */
	public EditPlan moveStep(String stepId, String targetId, boolean after) throws EditException {
		if (!(element(stepId) instanceof Step step) || !(element(targetId) instanceof Step target)) {
			throw new EditException("a step can be moved before or after another step");
		}
		if (ElementIds.flowOf(step) != ElementIds.flowOf(target)) {
			throw new EditException("a step can be moved within its flow only");
		}
		if (step == target || EcoreUtil.isAncestor(step, target)) {
			throw new EditException("a step cannot be moved next to a step inside it");
		}
		List<?> siblings = (List<?>) target.eContainer().eGet(target.eContainingFeature());
		if (siblings.contains(step) && siblings.indexOf(step) == siblings.indexOf(target) + (after ? 1 : -1)) {
			throw new EditException("the step is there already");
		}
		Span moved = ownSpan(step);
		ICompositeNode targetNode = node(target);
		String indent = indentOf(targetNode.getOffset());
		String body = reindented(moved.text, indentOf(node(step).getOffset()), indent);
		int at;
		String inserted;
		int bodyStart;
		if (after) {
			int end = targetNode.getEndOffset();
			int lineEnd = lineEnd(end);
			String rest = text.substring(end, lineEnd).strip();
			at = rest.isEmpty() || rest.startsWith("//") ? lineEnd : end;
			inserted = newline + indent + body;
			bodyStart = newline.length() + indent.length();
		} else {
			int lineStart = text.lastIndexOf('\n', targetNode.getOffset() - 1) + 1;
			boolean ownLine = text.substring(lineStart, targetNode.getOffset()).isBlank();
			at = ownLine ? lineStart : targetNode.getOffset();
			inserted = ownLine ? indent + body + newline : body + newline + indent;
			bodyStart = ownLine ? indent.length() : 0;
		}
		if (at > moved.start && at < moved.end) {
			throw new EditException("the step is there already");
		}
		List<TextEdit> edits = List.of(new TextEdit(moved.start, moved.end - moved.start, ""),
				new TextEdit(at, 0, inserted));
		return new EditPlan("Move " + withArticle(kindOf(step)), edits, at + shift(edits.subList(0, 1), at) + bodyStart,
				body.length());
	}

	/** The lines of a text after its first, their indentation {@code from} replaced by {@code to}. */
	private String reindented(String written, String from, String to) {
		String[] lines = written.split("\r?\n", -1);
		StringBuilder out = new StringBuilder(lines[0]);
		for (int i = 1; i < lines.length; i++) {
			out.append(newline).append(lines[i].startsWith(from) ? to + lines[i].substring(from.length()) : lines[i]);
		}
		return out.toString();
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
