package dev.cabin.dsl.formatting;

import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.ITextReplacer;
import org.eclipse.xtext.formatting2.internal.SinglelineDocCommentReplacer;
import org.eclipse.xtext.formatting2.regionaccess.IComment;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.xbase.lib.Pair;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.Call;
import dev.cabin.dsl.cabin.Defaults;
import dev.cabin.dsl.cabin.Duration;
import dev.cabin.dsl.cabin.ExpectCall;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.cabin.Tool;

/**
 * The Cabin layout: one member per line, tab indentation inside braces, single spaces between tokens, no
 * space before {@code ,} {@code :} {@code ;} or inside call parentheses. Where authors break long lists of
 * texts or examples over lines, the breaks stay (continuation lines one level deeper); blank lines between
 * members stay (at most one); comments stay.
 */
public class CabinFormatter extends AbstractFormatter2 {

	private static final CabinPackage CABIN = CabinPackage.eINSTANCE;

	/* Containments whose elements each start a line. */
	private static final Set<EReference> MEMBERS = Set.of(CABIN.getCabinFile_Imports(), CABIN.getCabinFile_Agents(),
			CABIN.getCabinFile_Entities(), CABIN.getCabinFile_Tools(), CABIN.getAgent_Defaults(),
			CABIN.getAgent_Entities(), CABIN.getAgent_Intents(), CABIN.getAgent_Tools(), CABIN.getAgent_Triggers(),
			CABIN.getAgent_Flows(), CABIN.getAgent_Policies(), CABIN.getAgent_Tests(), CABIN.getEntity_Values(),
			CABIN.getIntent_Utterances(), CABIN.getIntent_Slots(), CABIN.getFlow_Steps(), CABIN.getBlock_Steps(),
			CABIN.getBranch_Cases(), CABIN.getPolicy_Rules(), CABIN.getConversationTest_Steps());

	/* Keywords that start a line of a member that is not an object of its own. */
	private static final Set<String> LINE_KEYWORDS_OF_AGENT = Set.of("locales", "persona", "wake");
	private static final Set<String> LINE_KEYWORDS_OF_DEFAULTS = Set.of("confidence", "fallback", "timeout", "max", "llm");
	private static final Set<String> LINE_KEYWORDS_OF_INTENT = Set.of("confidence", "ask");

	@Override
	public void format(Object object, IFormattableDocument document) {
		if (object instanceof XtextResource resource) {
			for (EObject root : resource.getContents()) {
				format(root, document);
			}
			return;
		}
		if (!(object instanceof EObject element)) {
			return;
		}
		formatElement(element, document);
		for (EObject child : element.eContents()) {
			format(child, document);
		}
	}

	private void formatElement(EObject element, IFormattableDocument document) {
		IEObjectRegion region = textRegionExtensions.regionForEObject(element);
		if (region == null) {
			return;
		}
		ISemanticRegionsFinder regions = textRegionExtensions.regionFor(element);
		for (ISemanticRegion token : region.getSemanticRegions()) {
			if (token.getPreviousSemanticRegion() != null) {
				document.prepend(token, it -> {
					it.oneSpace();
					it.lowPriority();
				});
			}
		}
		if (element.eContainer() == null) {
			startAndEndOfFile(region, document);
		} else if (startsALine(element)) {
			// a line break only: a space setting here would conflict with the one the first token already has
			document.prepend(element, it -> it.setNewLines(1, 1, 2));
		}
		blocks(regions, document);
		punctuation(element, regions, document);
		lineKeywords(element, regions, document);
		continuationLines(element, regions, document);
	}

	/* A member that is not the first token of the file: it starts a line of its own. */
	private boolean startsALine(EObject element) {
		IEObjectRegion region = textRegionExtensions.regionForEObject(element);
		return MEMBERS.contains(element.eContainmentFeature()) && region != null
				&& region.getPreviousSemanticRegion() != null;
	}

	private void startAndEndOfFile(IEObjectRegion region, IFormattableDocument document) {
		ISemanticRegion first = null;
		ISemanticRegion last = null;
		for (ISemanticRegion token : region.getAllSemanticRegions()) {
			first = first == null ? token : first;
			last = token;
		}
		if (first != null) {
			document.prepend(first, it -> {
				it.noSpace();
				it.setNewLines(0, 0, 2);
				it.highPriority();
			});
			document.append(last, it -> {
				it.setNewLines(1);
				it.highPriority();
			});
		}
	}

	private void blocks(ISemanticRegionsFinder regions, IFormattableDocument document) {
		for (Pair<ISemanticRegion, ISemanticRegion> braces : regions.keywordPairs("{", "}")) {
			ISemanticRegion open = braces.getKey();
			ISemanticRegion close = braces.getValue();
			document.prepend(open, IHiddenRegionFormatter::oneSpace);
			if (open.getNextSemanticRegion() == close) {
				document.append(open, IHiddenRegionFormatter::noSpace);
				continue;
			}
			document.append(open, it -> it.setNewLines(1, 1, 2));
			document.prepend(close, it -> it.setNewLines(1, 1, 2));
			document.interior(open, close, IHiddenRegionFormatter::indent);
		}
	}

	private void punctuation(EObject element, ISemanticRegionsFinder regions, IFormattableDocument document) {
		for (ISemanticRegion comma : regions.keywords(",")) {
			document.prepend(comma, IHiddenRegionFormatter::noSpace);
			document.append(comma, CabinFormatter::spaceOrKeptLineBreak);
		}
		for (ISemanticRegion colonOrSemicolon : regions.keywords(":", ";")) {
			document.prepend(colonOrSemicolon, IHiddenRegionFormatter::noSpace);
		}
		boolean call = element instanceof Call || element instanceof Tool || element instanceof ExpectCall;
		for (Pair<ISemanticRegion, ISemanticRegion> parentheses : regions.keywordPairs("(", ")")) {
			if (call) {
				document.prepend(parentheses.getKey(), IHiddenRegionFormatter::noSpace);
			}
			document.append(parentheses.getKey(), IHiddenRegionFormatter::noSpace);
			document.prepend(parentheses.getValue(), IHiddenRegionFormatter::noSpace);
		}
		if (element instanceof Duration) {
			document.append(regions.feature(CABIN.getDuration_Value()), IHiddenRegionFormatter::noSpace);
		}
	}

	private void lineKeywords(EObject element, ISemanticRegionsFinder regions, IFormattableDocument document) {
		Set<String> keywords = element instanceof Agent ? LINE_KEYWORDS_OF_AGENT
				: element instanceof Defaults ? LINE_KEYWORDS_OF_DEFAULTS
				: element instanceof Intent ? LINE_KEYWORDS_OF_INTENT : Set.of();
		for (ISemanticRegion keyword : regions.keywords(keywords.toArray(new String[0]))) {
			if (keyword.getPreviousSemanticRegion() != null && !keyword.getPreviousSemanticRegion().getText().equals("max")) {
				document.prepend(keyword, it -> it.setNewLines(1, 1, 2));
			}
		}
		for (ISemanticRegion keyword : regions.keywords("otherwise", "yes", "no", "screen", "prompt", "fallback")) {
			// a member that starts with the keyword (a policy's "no screen text") starts a line instead
			boolean startsTheMember = startsALine(element) && keyword.getPreviousHiddenRegion() == textRegionExtensions
					.regionForEObject(element).getPreviousHiddenRegion();
			if ((!LINE_KEYWORDS_OF_DEFAULTS.contains(keyword.getText()) || !(element instanceof Defaults))
					&& !startsTheMember) {
				document.prepend(keyword, CabinFormatter::spaceOrKeptLineBreak);
			}
		}
	}

	/*
	 * Texts in several locales and lists of examples may go on over lines; continuation lines are indented one
	 * level deeper than the line they continue.
	 */
	private void continuationLines(EObject element, ISemanticRegionsFinder regions, IFormattableDocument document) {
		for (EReference feature : element.eClass().getEAllContainments()) {
			boolean texts = feature.getEReferenceType() == CABIN.getLocalizedText()
					|| feature.getEReferenceType() == CABIN.getLocalizedPhrases();
			if (!feature.isMany() || !texts || MEMBERS.contains(feature)) {
				continue;
			}
			@SuppressWarnings("unchecked")
			List<EObject> items = (List<EObject>) element.eGet(feature);
			if (items.isEmpty()) {
				continue;
			}
			for (int i = 1; i < items.size(); i++) {
				document.prepend(items.get(i), CabinFormatter::spaceOrKeptLineBreak);
			}
			IEObjectRegion firstItem = textRegionExtensions.regionForEObject(items.get(0));
			ISemanticRegion end = lastToken(items.get(items.size() - 1));
			if (firstItem != null && firstItem.getPreviousSemanticRegion() != null && end != null) {
				indentContinuation(firstItem.getPreviousSemanticRegion(), end, document);
			}
		}
		if (element instanceof LocalizedPhrases phrases && phrases.getTexts().size() > 1) {
			ISemanticRegion colon = regions.keyword(":");
			ISemanticRegion end = lastToken(element);
			if (colon != null && end != null) {
				indentContinuation(colon, end, document);
			}
		}
	}

	/* Lines that begin after the start and up to the end (inclusive) are indented one level more. */
	private static void indentContinuation(ISemanticRegion start, ISemanticRegion end, IFormattableDocument document) {
		document.set(start.getNextHiddenRegion(), end.getNextHiddenRegion(), IHiddenRegionFormatter::indent);
	}

	private ISemanticRegion lastToken(EObject element) {
		IEObjectRegion region = textRegionExtensions.regionForEObject(element);
		ISemanticRegion last = null;
		if (region != null) {
			for (ISemanticRegion token : region.getAllSemanticRegions()) {
				last = token;
			}
		}
		return last;
	}

	/* Every line comment is indented like the line it stands on, also one written at the start of the line. */
	@Override
	public ITextReplacer createCommentReplacer(IComment comment) {
		if (comment.getGrammarElement() instanceof AbstractRule rule && rule.getName().startsWith("SL")) {
			return new SinglelineDocCommentReplacer(comment, "//");
		}
		return super.createCommentReplacer(comment);
	}

	private static void spaceOrKeptLineBreak(IHiddenRegionFormatter it) {
		it.setNewLines(0, 0, 1);
		it.oneSpace();
	}
}
