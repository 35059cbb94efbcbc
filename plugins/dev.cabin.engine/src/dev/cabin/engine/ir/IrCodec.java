package dev.cabin.engine.ir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes the IR as JSON, refusing what this engine cannot run. */
public final class IrCodec {

	private final ObjectMapper mapper = new ObjectMapper()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

	private static final TypeReference<Map<String, EncoderInfo>> ENCODERS = new TypeReference<>() {
	};

	public void write(CabinIr ir, OutputStream out) throws IOException {
		mapper.writeValue(out, ir);
	}

	public CabinIr read(InputStream in) throws IrFormatException {
		try {
			return read(in.readAllBytes());
		} catch (IOException e) {
			throw new IrFormatException("cannot read the IR: " + e.getMessage(), e);
		}
	}

	/**
	 * Reads an IR from its bytes: the header first, so that a document of another format version is refused
	 * before it is bound, then the records straight from the bytes (no intermediate tree: a large agent's IR
	 * holds megabytes of embeddings).
	 */
	public CabinIr read(byte[] json) throws IrFormatException {
		int version = header(json).formatVersion();
		if (version != CabinIr.FORMAT_VERSION) {
			throw new IrFormatException("IR format version " + version + " is not supported by this engine (it reads "
					+ CabinIr.FORMAT_VERSION + "); rebuild the agent with a matching toolchain");
		}
		try {
			return mapper.readValue(json, CabinIr.class);
		} catch (JsonProcessingException e) {
			throw new IrFormatException("corrupt Cabin IR: " + e.getOriginalMessage(), e);
		} catch (IOException | IllegalArgumentException e) {
			throw new IrFormatException("corrupt Cabin IR: " + e.getMessage(), e);
		}
	}

	/** What an IR needs before it is read: its format version and the encoders of its languages. */
	public record Header(int formatVersion, Map<String, EncoderInfo> encoders) {
	}

	/** The header of an IR, read without binding the agents (so a runtime can load models meanwhile). */
	public Header header(byte[] json) throws IrFormatException {
		int version = -1;
		Map<String, EncoderInfo> encoders = Map.of();
		try (JsonParser parser = mapper.getFactory().createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IrFormatException("not a Cabin IR file (no formatVersion)");
			}
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				parser.nextToken();
				if (field.equals("formatVersion")) {
					version = parser.getValueAsInt(-1);
				} else if (field.equals("encoders")) {
					encoders = mapper.readValue(parser, ENCODERS);
				} else {
					parser.skipChildren();
				}
			}
		} catch (JsonProcessingException e) {
			throw new IrFormatException("not a Cabin IR file (invalid JSON at line " + e.getLocation().getLineNr()
					+ ", column " + e.getLocation().getColumnNr() + ")", e);
		} catch (IOException e) {
			throw new IrFormatException("cannot read the IR: " + e.getMessage(), e);
		}
		if (version < 0) {
			throw new IrFormatException("not a Cabin IR file (no formatVersion)");
		}
		return new Header(version, encoders);
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
