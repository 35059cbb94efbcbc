package dev.cabin.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.pkg.PackageFormat;

/**
 * The IR of some of the compiled agents, as the bytes a package holds. Works on the IR's documented JSON form
 * (docs/IR.md: {@code agents[].id}, {@code encoders}, examples' {@code locale}) rather than its Java records, so
 * that it keeps working as the IR grows; an encoder no kept agent uses is dropped, so that a car does not load
 * a model for nothing, and so are the agents' conversation tests.
 */
final class IrSelection {

	private final ObjectNode tree;

	private IrSelection(ObjectNode tree) {
		this.tree = tree;
	}

	static IrSelection of(CabinIr ir, Set<String> agentIds) {
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		try {
			new IrCodec().write(ir, json);
			ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(json.toByteArray());
			IrSelection selection = new IrSelection(tree);
			selection.keep(agentIds);
			return selection;
		} catch (IOException e) {
			throw new UncheckedIOException("the IR could not be written as JSON", e);
		}
	}

	private void keep(Set<String> agentIds) {
		Iterator<JsonNode> agents = tree.path("agents").iterator();
		Set<String> languages = new TreeSet<>();
		while (agents.hasNext()) {
			JsonNode agent = agents.next();
			if (!agentIds.contains(agent.path("id").asText())) {
				agents.remove();
			} else {
				// conversation tests are for the author's machine; they also name source paths, which would
				// make the same agent's package differ by where it was checked out
				((ObjectNode) agent).remove("tests");
				agent.findValues("examples").forEach(examples -> examples.forEach(example -> {
					if (example.hasNonNull("locale")) {
						languages.add(Language.ofLocale(example.get("locale").asText()).code());
					}
				}));
			}
		}
		if (tree.get("encoders") instanceof ObjectNode encoders) {
			encoders.retain(languages);
		}
	}

	List<String> agentIds() {
		List<String> ids = new ArrayList<>();
		tree.path("agents").forEach(agent -> ids.add(agent.path("id").asText()));
		return ids;
	}

	/** The model id of each language's encoder ("en" to "bge-small-en-v15-q"). */
	Map<String, String> encoders() {
		Map<String, String> encoders = new LinkedHashMap<>();
		tree.path("encoders").fields().forEachRemaining(e -> encoders.put(e.getKey(), e.getValue().path("modelId").asText()));
		return encoders;
	}

	int formatVersion() {
		return tree.path("formatVersion").asInt();
	}

	/** The IR JSON with line feeds on every platform. */
	byte[] bytes() {
		return PackageFormat.json(tree);
	}
}
