package dev.cabin.dsl.ide.codeactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.validation.CabinIssueCodes;

/**
 * Quick fixes: add the text of a missing locale (copied from the first one, to translate), create a flow or an
 * intent that a trigger names but nobody declared, change a VSS path to the closest existing one, declare a
 * slot that an example marks, replace a value or a unit with the one the signal allows, and remove one of two
 * examples of different intents that are too close to tell apart.
 */
public class CabinCodeActionService implements ICodeActionService2 {

	private static final String LINKING = org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC;

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		return options.getLanguageServerAccess().doSyncRead(options.getURI(), context -> {
			List<Either<Command, CodeAction>> actions = new ArrayList<>();
			if (!(context.getResource() instanceof XtextResource resource)) {
				return actions;
			}
			for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
				if (CabinIssueCodes.CLOSE_INTENTS.equals(codeOf(diagnostic)) && data(diagnostic.getData()).size() == 4) {
					closeIntents(diagnostic, context.getDocument(), data(diagnostic.getData()), options.getURI())
							.forEach(close -> actions.add(Either.forRight(close)));
					continue;
				}
				CodeAction action = fix(diagnostic, context.getDocument(), resource, options.getURI());
				if (action != null) {
					actions.add(Either.forRight(action));
				}
			}
			return actions;
		});
	}

	private CodeAction fix(Diagnostic diagnostic, Document document, XtextResource resource, String uri) {
		String code = codeOf(diagnostic);
		List<String> data = data(diagnostic.getData());
		if (CabinIssueCodes.MISSING_LOCALE.equals(code) && data.size() == 4) {
			return missingLocale(diagnostic, document, data, uri);
		}
		if (CabinIssueCodes.UNKNOWN_VSS_PATH.equals(code) && data.size() == 1) {
			return action("Change to " + data.get(0), diagnostic, uri, new TextEdit(diagnostic.getRange(), data.get(0)));
		}
		if (CabinIssueCodes.VALUE_NOT_ALLOWED.equals(code) && data.size() == 1) {
			return action("Change to \"" + data.get(0) + "\"", diagnostic, uri,
					new TextEdit(diagnostic.getRange(), "\"" + data.get(0) + "\""));
		}
		if (CabinIssueCodes.UNIT_MISMATCH.equals(code) && data.size() == 1) {
			return action("Change the unit to " + data.get(0), diagnostic, uri, new TextEdit(diagnostic.getRange(), data.get(0)));
		}
		if (CabinIssueCodes.UNDECLARED_SLOT.equals(code) && data.size() == 1) {
			return declareSlot(diagnostic, document, resource, data.get(0), uri);
		}
		if (LINKING.equals(code)) {
			return createMissing(diagnostic, document, resource, uri);
		}
		return null;
	}

	/*
	 * Two examples of different intents too close to tell apart: one action removes this one, one the other; the
	 * titles show both. An example that is the only one of its line is not removed (the line would not parse).
	 */
	private static List<CodeAction> closeIntents(Diagnostic diagnostic, Document document, List<String> data,
			String uri) {
		List<CodeAction> actions = new ArrayList<>();
		String text = document.getContents();
		int start = document.getOffSet(diagnostic.getRange().getStart());
		int end = document.getOffSet(diagnostic.getRange().getEnd());
		String example = text.substring(start, end);
		String other = quote(data.get(1));
		Range here = removal(document, start, end);
		if (here != null) {
			actions.add(action("Remove " + example + " (close to " + other + " of " + data.get(0) + ")", diagnostic,
					uri, new TextEdit(here, "")));
		}
		int otherStart = Integer.parseInt(data.get(2));
		int otherEnd = otherStart + Integer.parseInt(data.get(3));
		Range there = otherStart < 0 || otherEnd > text.length() ? null : removal(document, otherStart, otherEnd);
		if (there != null) {
			actions.add(action("Remove " + other + " of " + data.get(0) + " (close to " + example + ")", diagnostic,
					uri, new TextEdit(there, "")));
		}
		return actions;
	}

	/* The range that removes a string from a list of strings with its comma; null if it is alone. */
	private static Range removal(Document document, int start, int end) {
		String text = document.getContents();
		int before = start;
		while (before > 0 && Character.isWhitespace(text.charAt(before - 1))) {
			before--;
		}
		if (before > 0 && text.charAt(before - 1) == ',') {
			return new Range(document.getPosition(before - 1), document.getPosition(end));
		}
		int after = end;
		while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
			after++;
		}
		if (after < text.length() && text.charAt(after) == ',') {
			after++;
			while (after < text.length() && text.charAt(after) == ' ') {
				after++;
			}
			return new Range(document.getPosition(start), document.getPosition(after));
		}
		return null;
	}

	private static CodeAction missingLocale(Diagnostic diagnostic, Document document, List<String> data, String uri) {
		String locale = data.get(0);
		String text = data.get(1);
		int offset = Integer.parseInt(data.get(2));
		String insertion;
		if (data.get(3).equals("phrases")) {
			insertion = "\n" + indentationOf(document, offset) + locale + ": " + quote(text);
		} else {
			insertion = " " + locale + " " + quote(text);
		}
		Position at = document.getPosition(offset);
		return action("Add the " + locale + " text (a copy to translate)", diagnostic, uri,
				new TextEdit(new Range(at, at), insertion));
	}

	/* Declares the slot an example utterance marks, after the intent's last member. */
	private CodeAction declareSlot(Diagnostic diagnostic, Document document, XtextResource resource, String name,
			String uri) {
		EObject element = elementAt(resource, document.getOffSet(diagnostic.getRange().getStart()));
		Intent intent = EcoreUtil2.getContainerOfType(element, Intent.class);
		if (intent == null) {
			return null;
		}
		int closing = closingBrace(intent);
		Position at = document.getPosition(lineStart(document, closing));
		return action("Declare the slot " + name, diagnostic, uri, new TextEdit(new Range(at, at),
				indentationOf(document, closing) + "\tslot " + name + ": text\n"));
	}

	/* A trigger or step names a flow or an intent that does not exist: declare it in the agent. */
	private CodeAction createMissing(Diagnostic diagnostic, Document document, XtextResource resource, String uri) {
		int offset = document.getOffSet(diagnostic.getRange().getStart());
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null) {
			return null;
		}
		// the reference's text may be a qualified name: the node whose grammar element is the cross reference
		INode referenceNode = leaf;
		while (referenceNode != null && (referenceNode.getGrammarElement() == null
				|| EcoreUtil2.getContainerOfType(referenceNode.getGrammarElement(), CrossReference.class) == null)) {
			referenceNode = referenceNode.getParent();
		}
		EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
		Agent agent = EcoreUtil2.getContainerOfType(element, Agent.class);
		if (referenceNode == null || agent == null) {
			return null;
		}
		CrossReference crossReference = EcoreUtil2.getContainerOfType(referenceNode.getGrammarElement(), CrossReference.class);
		EReference reference = GrammarUtil.getReference(crossReference);
		EClass type = reference == null ? null : reference.getEReferenceType();
		String name = NodeModelUtils.getTokenText(referenceNode);
		String indentation = indentationOf(document, closingBrace(agent)) + "\t";
		String declaration;
		if (type == CabinPackage.Literals.FLOW) {
			declaration = indentation + "flow " + name + " {\n" + indentation + "\tsay \"\"\n" + indentation + "\tend\n"
					+ indentation + "}\n";
		} else if (type == CabinPackage.Literals.INTENT) {
			StringBuilder intent = new StringBuilder(indentation + "intent " + name + " {\n");
			List<String> locales = agent.getLocales().isEmpty() ? List.of("en-US") : agent.getLocales();
			for (String locale : locales) {
				intent.append(indentation).append('\t').append(locale).append(": \"\"\n");
			}
			declaration = intent.append(indentation).append("}\n").toString();
		} else {
			return null;
		}
		Position at = document.getPosition(lineStart(document, closingBrace(agent)));
		return action("Create the " + (type == CabinPackage.Literals.FLOW ? "flow " : "intent ") + name, diagnostic, uri,
				new TextEdit(new Range(at, at), declaration));
	}

	private static EObject elementAt(XtextResource resource, int offset) {
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
	}

	/** The offset of the closing brace of an object's block. */
	private static int closingBrace(EObject object) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
		int closing = node.getOffset() + node.getLength() - 1;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if ("}".equals(leaf.getText())) {
				closing = leaf.getOffset();
			}
		}
		return closing;
	}

	private static int lineStart(Document document, int offset) {
		return document.getContents().lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
	}

	/** The white space that starts the line an offset is on. */
	private static String indentationOf(Document document, int offset) {
		String text = document.getContents();
		int lineStart = lineStart(document, offset);
		int end = lineStart;
		while (end < text.length() && (text.charAt(end) == '\t' || text.charAt(end) == ' ')) {
			end++;
		}
		return text.substring(lineStart, end);
	}

	private static String codeOf(Diagnostic diagnostic) {
		return diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static CodeAction action(String title, Diagnostic diagnostic, String uri, TextEdit edit) {
		CodeAction action = new CodeAction(title);
		action.setKind(CodeActionKind.QuickFix);
		action.setDiagnostics(List.of(diagnostic));
		action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
		return action;
	}

	/** Issue data as it arrives: strings from the server itself, a JSON array from a client. */
	private static List<String> data(Object data) {
		List<String> values = new ArrayList<>();
		if (data instanceof JsonArray array) {
			for (JsonElement element : array) {
				values.add(element.getAsString());
			}
		} else if (data instanceof String[] array) {
			values.addAll(List.of(array));
		} else if (data instanceof List<?> list) {
			list.forEach(value -> values.add(String.valueOf(value)));
		}
		return values;
	}
}
