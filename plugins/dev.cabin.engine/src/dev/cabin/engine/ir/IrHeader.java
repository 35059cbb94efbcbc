package dev.cabin.engine.ir;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * What an IR needs before it is read: its format version and the encoders of its languages. Read with the
 * JSON tokenizer alone, and only up to those two fields: a car starts loading its sentence models from the
 * header, and building the object mapper that binds the rest takes longer on a head unit than reading the
 * header.
 *
 * @param formatVersion the document's {@code formatVersion}
 * @param encoders the encoder of each language code, in document order
 */
public record IrHeader(int formatVersion, Map<String, EncoderInfo> encoders) {

	private static final JsonFactory JSON = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(IrCodec.MAX_DEPTH).build()).build();

	public IrHeader {
		encoders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(encoders));
	}

	/** The header of an IR document, without binding its agents. */
	public static IrHeader read(byte[] json) throws IrFormatException {
		int version = -1;
		Map<String, EncoderInfo> encoders = null;
		try (JsonParser parser = JSON.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IrFormatException("not a Cabin IR file (no formatVersion)");
			}
			try {
				while ((version < 0 || encoders == null) && parser.nextToken() == JsonToken.FIELD_NAME) {
					String field = parser.currentName();
					parser.nextToken();
					if (field.equals("formatVersion")) {
						version = parser.getValueAsInt(-1);
					} else if (field.equals("encoders")) {
						encoders = encoders(parser);
					} else {
						parser.skipChildren();
					}
				}
			} catch (StreamConstraintsException e) {
				throw IrCodec.tooDeep(parser, e);
			}
		} catch (JsonParseException e) {
			throw new IrFormatException("not a Cabin IR file (invalid JSON at line " + e.getLocation().getLineNr()
					+ ", column " + e.getLocation().getColumnNr() + ")", e);
		} catch (IOException e) {
			throw new IrFormatException("cannot read the IR: " + e.getMessage(), e);
		}
		if (version < 0) {
			throw new IrFormatException("not a Cabin IR file (no formatVersion)");
		}
		return new IrHeader(version, encoders == null ? Map.of() : encoders);
	}

	/** {@code {LANG: {modelId, dimension}}}, the parser on its opening brace. */
	private static Map<String, EncoderInfo> encoders(JsonParser parser) throws IOException, IrFormatException {
		Map<String, EncoderInfo> encoders = new LinkedHashMap<>();
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			return encoders;
		}
		expect(parser, JsonToken.START_OBJECT, "encoders");
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String language = parser.currentName();
			parser.nextToken();
			expect(parser, JsonToken.START_OBJECT, "encoders." + language);
			String modelId = null;
			int dimension = -1;
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				parser.nextToken();
				if (field.equals("modelId") && parser.currentToken() == JsonToken.VALUE_STRING) {
					modelId = parser.getText();
				} else if (field.equals("dimension") && parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
					dimension = parser.getIntValue();
				} else {
					parser.skipChildren();
				}
			}
			if (modelId == null || dimension < 0) {
				throw new IrFormatException("corrupt Cabin IR: encoders." + language + " needs a modelId and a dimension"
						+ " (line " + parser.currentLocation().getLineNr() + ")");
			}
			encoders.put(language, new EncoderInfo(modelId, dimension));
		}
		return encoders;
	}

	private static void expect(JsonParser parser, JsonToken token, String field) throws IrFormatException {
		if (parser.currentToken() != token) {
			throw new IrFormatException("corrupt Cabin IR: " + field + " is not an object (line "
					+ parser.currentLocation().getLineNr() + ")");
		}
	}
}
