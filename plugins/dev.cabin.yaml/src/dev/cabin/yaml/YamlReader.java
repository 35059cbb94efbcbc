package dev.cabin.yaml;

import dev.cabin.language.StrictUtf8;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML (and JSON, which is YAML) files as UTF-8 into {@link YamlNode}s that know where they are written.
 * Whatever keeps a file from being read becomes a {@link YamlException} naming {@code file:line:column}.
 * <p>
 * Scalars follow YAML 1.2: only {@code true} and {@code false} are booleans, so that unquoted {@code ON},
 * {@code OFF}, {@code yes} and {@code no} (allowed values of VSS signals, for example) stay text.
 */
public final class YamlReader {

	private YamlReader() {
	}

	/** The root node of a file, or empty for a document without content. */
	public static Optional<YamlNode> read(Path file) throws YamlException {
		return parse(file, readText(file));
	}

	/** The text of a UTF-8 file, a byte-order mark left out. */
	public static String readText(Path file) throws YamlException {
		try {
			return decode(file, Files.readAllBytes(file));
		} catch (NoSuchFileException e) {
			throw YamlException.atStart(file, "no such file");
		} catch (IOException e) {
			throw YamlException.atStart(file, "cannot read the file: " + e.getMessage());
		}
	}

	/** The text of UTF-8 bytes (a byte-order mark left out), or an error at the first byte that is not UTF-8. */
	public static String decode(Path file, byte[] bytes) throws YamlException {
		StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);
		if (!decoded.valid()) {
			throw new YamlException(file, decoded.line(), decoded.column(), decoded.charOffset(),
					"not UTF-8 text (save the file as UTF-8)");
		}
		String text = decoded.text();
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/** The root node of a YAML text, or empty for a document without content. */
	public static Optional<YamlNode> parse(Path file, String text) throws YamlException {
		try {
			Node root = yaml().compose(new StringReader(text));
			return Optional.ofNullable(root).map(YamlNode::new);
		} catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			String problem = "invalid YAML: " + e.getProblem();
			throw mark == null ? YamlException.atStart(file, problem)
					: new YamlException(file, mark.getLine() + 1, mark.getColumn() + 1, mark.getIndex(), problem);
		} catch (org.yaml.snakeyaml.error.YAMLException e) {
			throw YamlException.atStart(file, "invalid YAML: " + e.getMessage());
		}
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(true);
		// a whole VSS tree in one file is larger than SnakeYAML's default limit
		options.setCodePointLimit(64 * 1024 * 1024);
		Resolver resolver = new Resolver() {
			@Override
			protected void addImplicitResolvers() {
				addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
				addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9_]*)$"), "-+0123456789");
				addImplicitResolver(Tag.FLOAT,
						Pattern.compile("^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"),
						"-+0123456789.");
				addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
				addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
			}
		};
		DumperOptions dumperOptions = new DumperOptions();
		return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options,
				resolver);
	}
}
