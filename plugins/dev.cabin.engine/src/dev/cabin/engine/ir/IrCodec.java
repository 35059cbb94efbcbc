package dev.cabin.engine.ir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes the IR as JSON, refusing what this engine cannot run. */
public final class IrCodec {

	private final ObjectMapper mapper = new ObjectMapper()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

	public void write(CabinIr ir, OutputStream out) throws IOException {
		mapper.writeValue(out, ir);
	}

	public CabinIr read(InputStream in) throws IrFormatException {
		JsonNode tree;
		try {
			tree = mapper.readTree(in);
		} catch (JsonProcessingException e) {
			throw new IrFormatException("not a Cabin IR file (invalid JSON at line "
					+ e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
		} catch (IOException e) {
			throw new IrFormatException("cannot read the IR: " + e.getMessage(), e);
		}
		if (tree == null || !tree.isObject() || !tree.has("formatVersion")) {
			throw new IrFormatException("not a Cabin IR file (no formatVersion)");
		}
		int version = tree.get("formatVersion").asInt(-1);
		if (version != CabinIr.FORMAT_VERSION) {
			throw new IrFormatException("IR format version " + version + " is not supported by this engine (it reads "
					+ CabinIr.FORMAT_VERSION + "); rebuild the agent with a matching toolchain");
		}
		try {
			return mapper.treeToValue(tree, CabinIr.class);
		} catch (JsonProcessingException e) {
			throw new IrFormatException("corrupt Cabin IR: " + e.getOriginalMessage(), e);
		} catch (IllegalArgumentException e) {
			throw new IrFormatException("corrupt Cabin IR: " + e.getMessage(), e);
		}
	}

	/** Packs a vector as little-endian float32, the IR's storage form for embeddings. */
	public static byte[] pack(float[] vector) {
		ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(vector);
		return bytes.array();
	}

	public static float[] unpack(byte[] packed) {
		FloatBuffer floats = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
		float[] vector = new float[floats.remaining()];
		floats.get(vector);
		return vector;
	}
}
