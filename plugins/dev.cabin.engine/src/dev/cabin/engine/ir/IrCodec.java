package dev.cabin.engine.ir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes the IR as JSON, refusing what this engine cannot run. */
public final class IrCodec {

	/**
	 * How deeply an IR may nest objects and arrays. What the compiler writes stays far below: sources nest at most
	 * 100 levels, and a chain of {@code or}s or {@code and}s is one level whatever its length.
	 */
	public static final int MAX_DEPTH = 400;

	private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
			.streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
			.enable(SerializationFeature.INDENT_OUTPUT)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

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
	 * Reads an IR from its bytes: the header first ({@link IrHeader}), so that a document of another format
	 * version is refused before it is bound, then the records straight from the bytes (no intermediate tree).
	 */
	public CabinIr read(byte[] json) throws IrFormatException {
		int version = IrHeader.read(json).formatVersion();
		if (version != CabinIr.FORMAT_VERSION) {
			throw new IrFormatException("IR format version " + version + " is not supported by this engine (it reads "
					+ CabinIr.FORMAT_VERSION + "); rebuild the agent with a matching toolchain");
		}
		try (JsonParser parser = mapper.getFactory().createParser(json)) {
			try {
				return mapper.readValue(parser, CabinIr.class);
			} catch (JsonProcessingException e) {
				// the binder wraps the parser's refusal of a deep document in its own exception, without a place
				for (Throwable cause = e; cause != null; cause = cause.getCause()) {
					if (cause instanceof StreamConstraintsException) {
						throw tooDeep(parser, e);
					}
				}
				throw e;
			}
		} catch (JsonProcessingException e) {
			throw new IrFormatException("corrupt Cabin IR: " + e.getOriginalMessage() + JsonPlace.of(e.getLocation()), e);
		} catch (IOException | IllegalArgumentException e) {
			throw new IrFormatException("corrupt Cabin IR: " + e.getMessage(), e);
		}
	}

	/** A document nested deeper than {@link #MAX_DEPTH}, refused where it goes too deep. */
	static IrFormatException tooDeep(JsonParser parser, JsonProcessingException e) {
		return new IrFormatException("corrupt Cabin IR: nested deeper than " + MAX_DEPTH + " levels at line "
				+ parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr()
				+ "; the Cabin compiler never writes that", e);
	}

	/**
	 * Packs a vector as little-endian IEEE half-precision floats, the IR's storage form for embeddings: half the
	 * size of float32 (a large agent's IR reads twice as fast) for a cosine that changes by less than 1e-3.
	 */
	public static byte[] pack(float[] vector) {
		ByteBuffer bytes = ByteBuffer.allocate(vector.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : vector) {
			bytes.putShort(toHalf(value));
		}
		return bytes.array();
	}

	public static float[] unpack(byte[] packed) {
		ByteBuffer bytes = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
		float[] vector = new float[packed.length / 2];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = fromHalf(bytes.getShort());
		}
		return vector;
	}

	/** The half-precision float nearest to a float (round half to even; overflow to infinity). */
	static short toHalf(float value) {
		int bits = Float.floatToIntBits(value);
		int sign = (bits >>> 16) & 0x8000;
		int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
		int mantissa = bits & 0x7fffff;
		if (((bits >>> 23) & 0xff) == 0xff) {
			return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 : 0));
		}
		if (exponent >= 0x1f) {
			return (short) (sign | 0x7c00);
		}
		if (exponent <= 0) {
			if (exponent < -10) {
				return (short) sign;
			}
			mantissa |= 0x800000;
			int shift = 14 - exponent;
			int half = mantissa >> shift;
			int rest = mantissa & ((1 << shift) - 1);
			int midpoint = 1 << (shift - 1);
			if (rest > midpoint || (rest == midpoint && (half & 1) != 0)) {
				half++;
			}
			return (short) (sign | half);
		}
		int half = (exponent << 10) | (mantissa >> 13);
		int rest = mantissa & 0x1fff;
		if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
			half++;
		}
		return (short) (sign | half);
	}

	static float fromHalf(short half) {
		int sign = (half & 0x8000) << 16;
		int exponent = (half >>> 10) & 0x1f;
		int mantissa = half & 0x3ff;
		if (exponent == 0x1f) {
			return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
		}
		if (exponent == 0) {
			float magnitude = mantissa / 1024f / 16384f;
			return sign != 0 ? -magnitude : magnitude;
		}
		return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
	}
}
