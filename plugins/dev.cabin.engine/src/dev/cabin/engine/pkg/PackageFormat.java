package dev.cabin.engine.pkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.cabin.engine.ir.JsonPlace;

/**
 * The {@code .cabinpkg} format: a zip of {@value #MANIFEST}, {@value #SIGNATURE} and the content entries (today
 * {@value #IR}), in that order, content sorted by name. {@value #SIGNATURE} holds an Ed25519 signature of the
 * manifest's bytes, and the manifest lists every content entry with its size and SHA-256.
 */
public final class PackageFormat {

	/** The package format this engine reads and the toolchain writes. */
	public static final int FORMAT = 1;
	/** The version of this engine, which the manifest's engine range must contain. */
	public static final String ENGINE_VERSION = "0.1.0";
	public static final String MANIFEST = "manifest.json";
	public static final String SIGNATURE = "manifest.sig";
	public static final String IR = "ir.json";
	public static final String FILE_EXTENSION = ".cabinpkg";

	/* The manifest and the signature are a few levels deep; anything deeper is not the toolchain's. */
	private static final int MAX_DEPTH = 16;
	/*
	 * Reading is strict, because a car acts on what it reads: every property present and of its type, no null
	 * anywhere (a list item included), nothing unknown, nothing after the document.
	 */
	private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
			.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL, Nulls.FAIL))
			.build();
	/* Line feeds whatever the platform, so that the same build gives the same bytes on every machine. */
	private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
			.withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

	private PackageFormat() {
	}

	public static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(sha256Digest().digest(bytes));
	}

	static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	/**
	 * The canonical JSON of a manifest, a signature or an IR tree: properties sorted (a JSON tree keeps its
	 * order), two-space indent, line feeds whatever the platform.
	 */
	public static byte[] json(Object value) {
		try {
			return (WRITER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a manifest is always serializable", e);
		}
	}

	static <T> T parse(byte[] json, Class<T> type, String entry) throws PackageRejectedException {
		try {
			return MAPPER.readValue(json, type);
		} catch (JsonProcessingException e) {
			throw new PackageRejectedException(entry + " is not valid: " + e.getOriginalMessage() + JsonPlace.of(e.getLocation()));
		} catch (IOException e) {
			throw new PackageRejectedException(entry + " cannot be read: " + e.getMessage(), e);
		}
	}

	/** The manifest as it is stored: for showing it (wizard summary, {@code cabin verify}). */
	public static String toJson(PackageManifest manifest) {
		return new String(json(manifest), StandardCharsets.UTF_8);
	}
}
