package dev.cabin.engine.pkg;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * A pass over a JSON entry that only counts its nesting, before anything binds it: a document nested deeper than
 * a car reads is refused at the place it goes too deep, instead of costing the reader its stack.
 */
final class JsonNesting {

	private JsonNesting() {
	}

	static void check(byte[] json, int maxDepth, String entry) throws PackageRejectedException {
		/* Jackson's own limit one level further, so that this pass is the one that says where. */
		JsonFactory factory = JsonFactory.builder()
				.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth + 1).build()).build();
		try (JsonParser parser = factory.createParser(json)) {
			int depth = 0;
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token.isStructStart() && ++depth > maxDepth) {
					throw new PackageRejectedException(entry + " nests more than " + maxDepth + " levels deep"
							+ PackageFormat.at(parser.currentTokenLocation()) + "; a car reads at most " + maxDepth);
				}
				if (token.isStructEnd()) {
					depth--;
				}
			}
		} catch (JsonProcessingException e) {
			throw new PackageRejectedException(entry + " is not valid JSON: " + e.getOriginalMessage()
					+ PackageFormat.at(e.getLocation()));
		} catch (IOException e) {
			throw new PackageRejectedException(entry + " cannot be read: " + e.getMessage(), e);
		}
	}
}
