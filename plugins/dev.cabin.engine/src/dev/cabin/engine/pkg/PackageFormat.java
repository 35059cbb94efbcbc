package dev.cabin.engine.pkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

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

	private static final ObjectMapper MAPPER = JsonMapper.builder()
			.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
	/* Line feeds whatever the platform, so that the same build gives the same bytes on every machine. */
	private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
			.withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

	private PackageFormat() {
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
			throw new PackageRejectedException(entry + " is not valid: " + e.getOriginalMessage());
		} catch (IOException e) {
			throw new PackageRejectedException(entry + " cannot be read: " + e.getMessage(), e);
		}
	}

	/** The manifest as it is stored: for showing it (wizard summary, {@code cabin verify}). */
	public static String toJson(PackageManifest manifest) {
		return new String(json(manifest), StandardCharsets.UTF_8);
	}
}
