package dev.cabin.dsl.ide.hover;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;

import com.google.inject.Inject;

import dev.cabin.dsl.cabin.BuiltinValueType;
import dev.cabin.dsl.cabin.EntityValueType;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.cabin.ValueType;
import dev.cabin.dsl.ide.TextReferences;
import dev.cabin.dsl.project.ProjectCatalogues;
import dev.cabin.dsl.validation.References;
import dev.cabin.vss.VssCatalogue;
import dev.cabin.vss.VssNode;

/**
 * Hovers that say what the model means: the facts of a vehicle signal (type, datatype, unit, range, allowed
 * values, description), a slot's type and prompts, and an intent's example utterances per locale.
 */
public class CabinHoverService extends HoverService {

	/** An intent's hover lists at most this many examples per locale. */
	static final int EXAMPLES_PER_LOCALE = 5;

	@Inject
	private ProjectCatalogues catalogues;

	@Override
	protected Hover hover(HoverContext context) {
		VssCatalogue catalogue = catalogues.forResource(context.getResource()).catalogue();
		TextReferences.Found found = TextReferences.at(context.getResource(), context.getOffset(), catalogue);
		if (found != null) {
			String text = describe(found.target());
			if (text != null) {
				Range range = new Range(context.getDocument().getPosition(found.offset()),
						context.getDocument().getPosition(found.offset() + found.length()));
				return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text), range);
			}
		}
		EObject element = context.getElement();
		if (element instanceof Intent intent) {
			return withRange(context, describe(intent));
		}
		if (element instanceof Slot slot) {
			return withRange(context, describe(slot));
		}
		return super.hover(context);
	}

	private Hover withRange(HoverContext context, String markdown) {
		return new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown), getRange(context));
	}

	private static String describe(References.Target target) {
		if (target instanceof References.SignalTarget signal) {
			return describe(signal.node());
		}
		if (target instanceof References.SlotTarget slot) {
			return describe(slot.slot());
		}
		if (target instanceof References.UnknownSignal unknown) {
			return "**" + unknown.path() + "** is not in the VSS catalogue"
					+ (unknown.closest() != null ? "; the closest signal is `" + unknown.closest() + "`" : "");
		}
		return null;
	}

	static String describe(VssNode node) {
		StringBuilder text = new StringBuilder("**").append(node.path()).append("**  \n").append(node.type().label());
		if (node.datatype() != null) {
			text.append(" · ").append(node.datatype());
		}
		if (node.unit() != null) {
			text.append(" · ").append(node.unit());
		}
		if (node.min() != null || node.max() != null) {
			text.append(" · ").append(bound(node.min())).append(" … ").append(bound(node.max()));
		}
		if (!node.allowed().isEmpty()) {
			text.append("  \nallowed: ").append(node.allowed().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")));
		}
		if (!node.description().isEmpty()) {
			text.append("\n\n").append(node.description());
		}
		return text.toString();
	}

	private static String bound(Double value) {
		if (value == null) {
			return "";
		}
		return value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
	}

	static String describe(Slot slot) {
		StringBuilder text = new StringBuilder("**slot ").append(slot.getName()).append("**: ").append(typeName(slot.getType()));
		if (slot.isRequired()) {
			text.append(" (required)");
		}
		if (slot.eContainer() instanceof Intent intent) {
			text.append("  \nof the intent ").append(intent.getName());
		}
		for (LocalizedText prompt : slot.getPrompt()) {
			text.append("  \nprompt").append(prompt.getLocale() != null ? " " + prompt.getLocale() : "").append(": ")
					.append(prompt.getText());
		}
		return text.toString();
	}

	private static String typeName(ValueType type) {
		if (type instanceof BuiltinValueType builtin && builtin.getBuiltin() != null) {
			return builtin.getBuiltin().getLiteral();
		}
		if (type instanceof EntityValueType entity && entity.getEntity() != null && !entity.getEntity().eIsProxy()) {
			return entity.getEntity().getName() + " (" + entity.getEntity().getValues().stream()
					.map(v -> v.getName()).collect(Collectors.joining(", ")) + ")";
		}
		return "?";
	}

	static String describe(Intent intent) {
		Map<String, List<String>> examples = new LinkedHashMap<>();
		for (LocalizedPhrases phrases : intent.getUtterances()) {
			examples.computeIfAbsent(phrases.getLocale(), l -> new java.util.ArrayList<>()).addAll(phrases.getTexts());
		}
		StringBuilder text = new StringBuilder("**intent ").append(intent.getName()).append("**");
		examples.forEach((locale, texts) -> {
			text.append("\n\n").append(locale).append(" (").append(texts.size()).append(" examples)");
			texts.stream().limit(EXAMPLES_PER_LOCALE).forEach(example -> text.append("\n- ").append(example));
		});
		if (!intent.getSlots().isEmpty()) {
			text.append("\n\nslots: ").append(intent.getSlots().stream()
					.map(s -> s.getName() + ": " + typeName(s.getType())).collect(Collectors.joining(", ")));
		}
		return text.toString();
	}
}
