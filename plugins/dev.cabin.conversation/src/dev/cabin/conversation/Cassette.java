package dev.cabin.conversation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.engine.llm.LlmException;
import dev.cabin.engine.llm.LlmRequest;
import dev.cabin.engine.llm.LlmResponse;

/**
 * Recorded model answers, so that conversation tests with LLM steps are deterministic: recorded once against
 * a real model, then replayed by request. A request is identified by a hash of its messages and tools; a
 * replayed request that was never recorded is refused, saying how to record it.
 */
public final class Cassette implements LanguageModel {

	/** The file's content: one interaction per distinct request. */
	public record Interaction(String key, LlmRequest request, LlmResponse response) {
	}

	record Tape(int version, List<Interaction> interactions) {
	}

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final Path file;
	private final LanguageModel live;
	private final Map<String, Interaction> interactions = new LinkedHashMap<>();
	private boolean changed;

	private Cassette(Path file, LanguageModel live) {
		this.file = file;
		this.live = live;
	}

	/** Replays the recordings of a file. */
	public static Cassette replay(Path file) throws IOException {
		Cassette cassette = new Cassette(file, null);
		cassette.load();
		return cassette;
	}

	/** Answers from the live model and records what it said (keeping earlier recordings of the file). */
	public static Cassette record(Path file, LanguageModel live) throws IOException {
		Cassette cassette = new Cassette(file, live);
		if (Files.exists(file)) {
			cassette.load();
		}
		return cassette;
	}

	private void load() throws IOException {
		Tape tape;
		try {
			tape = JSON.readValue(file.toFile(), Tape.class);
		} catch (JsonProcessingException e) {
			throw new IOException(file + " is not a cassette: " + e.getOriginalMessage());
		}
		if (tape.version() != 1) {
			throw new IOException(file + " is a cassette of version " + tape.version() + "; this engine reads version 1");
		}
		for (Interaction interaction : tape.interactions()) {
			interactions.put(interaction.key(), interaction);
		}
	}

	@Override
	public String name() {
		return live != null ? live.name() + " (recording)" : "cassette " + file.getFileName();
	}

	@Override
	public synchronized LlmResponse chat(LlmRequest request, Consumer<String> partials) throws LlmException {
		String key = key(request);
		Interaction recorded = interactions.get(key);
		if (recorded != null && live == null) {
			return recorded.response();
		}
		if (live == null) {
			throw new LlmException(LlmException.Kind.REFUSED, "the cassette " + file
					+ " has no recording of this request; record it again with a configured LLM (--record)");
		}
		LlmResponse response = live.chat(request, partials);
		interactions.put(key, new Interaction(key, request, response));
		changed = true;
		return response;
	}

	/** Writes the recordings, if any were added. */
	public synchronized void save() throws IOException {
		if (changed) {
			Files.writeString(file, JSON.writeValueAsString(new Tape(1, new ArrayList<>(interactions.values()))),
					StandardCharsets.UTF_8);
			changed = false;
		}
	}

	public synchronized int size() {
		return interactions.size();
	}

	static String key(LlmRequest request) {
		try {
			byte[] canonical = JSON.writeValueAsBytes(request);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)).substring(0, 32);
		} catch (JsonProcessingException | NoSuchAlgorithmException e) {
			throw new IllegalStateException("a request could not be hashed", e);
		}
	}
}
