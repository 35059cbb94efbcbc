package dev.cabin.dsl.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;

import dev.cabin.dsl.project.CabinProject;
import dev.cabin.dsl.project.ProjectCatalogue;
import dev.cabin.dsl.project.ProjectCatalogues;
import dev.cabin.dsl.validation.CabinIssueCodes;

/**
 * What every reader of Cabin sources (the command line, the compile service, the language server, Cabin Studio)
 * agrees to read. A source is a regular file named {@code *.cabin} no larger than the size limit; its kind and
 * size are looked at before it is opened, so that a directory, a device or a named pipe is never opened and
 * an oversized file never read. An import names such a file by its path, relative to the importing file or
 * absolute, inside the importing file's project: the folder of its {@code cabin.yaml} (or, outside any project,
 * the importing file's own folder) and the folders the project file lists under {@code imports}. URLs are never
 * followed; links count where they lead.
 */
public final class SourcePolicy {

	public static final String EXTENSION = ".cabin";
	public static final String LIMIT_PROPERTY = "cabin.maxSourceBytes";
	public static final String LIMIT_VARIABLE = "CABIN_MAX_SOURCE_BYTES";
	/* A file this size already takes seconds to check; a generated agent that needs more can raise it. */
	public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

	/** Why a file is not read: an issue code of {@link CabinIssueCodes} (or none) and the reason, in words. */
	public record Refusal(String code, String reason) {
	}

	/** An import: the file it names, or why it is refused. */
	public record Import(URI uri, Refusal refusal) {

		public boolean admitted() {
			return refusal == null;
		}
	}

	private static final class Standard {
		static final SourcePolicy INSTANCE = fromSettings(System.getProperty(LIMIT_PROPERTY), System.getenv(LIMIT_VARIABLE));
	}

	private final long maxBytes;
	private final String badSetting;

	private SourcePolicy(long maxBytes, String badSetting) {
		this.maxBytes = maxBytes;
		this.badSetting = badSetting;
	}

	/** A policy with its own size limit. */
	public static SourcePolicy withMaxBytes(long maxBytes) {
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("the limit must be above 0");
		}
		return new SourcePolicy(maxBytes, null);
	}

	/**
	 * The process' policy: its size limit is {@code -Dcabin.maxSourceBytes}, else {@code $CABIN_MAX_SOURCE_BYTES},
	 * else {@link #DEFAULT_MAX_BYTES}.
	 */
	public static SourcePolicy standard() {
		return Standard.INSTANCE;
	}

	/* A setting that is not a positive number refuses every file, saying so, rather than being ignored. */
	private static SourcePolicy fromSettings(String property, String variable) {
		String value = property != null ? property : variable;
		if (value == null) {
			return withMaxBytes(DEFAULT_MAX_BYTES);
		}
		String setting = (property != null ? "-D" + LIMIT_PROPERTY : LIMIT_VARIABLE) + "=" + value;
		try {
			long limit = Long.parseLong(value.strip());
			if (limit > 0) {
				return withMaxBytes(limit);
			}
		} catch (NumberFormatException e) {
			// said below
		}
		return new SourcePolicy(0, setting + " is not a number of bytes above 0");
	}

	/** Whether a name is that of a source. */
	public static boolean isSourceName(String fileName) {
		return fileName.endsWith(EXTENSION);
	}

	/** Why a file named as a source is not read, or {@code null} when it is read. */
	public Refusal checkSource(Path file) {
		Refusal refusal = checkName(file);
		return refusal != null ? refusal : checkFile(file);
	}

	/** Why a path is not a source's by its name (a document in memory has nothing else to check), or {@code null}. */
	public static Refusal checkName(Path file) {
		Path name = file.getFileName();
		if (name == null || !isSourceName(name.toString())) {
			return new Refusal(CabinIssueCodes.NOT_A_CABIN_FILE, "its name does not end in " + EXTENSION);
		}
		return null;
	}

	/* The kind and size of the file a path leads to, from its attributes: nothing is opened. */
	private Refusal checkFile(Path file) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		} catch (NoSuchFileException e) {
			return new Refusal(null, "there is no such file");
		} catch (IOException e) {
			return new Refusal(null, "its kind and size cannot be read");
		}
		if (!attributes.isRegularFile()) {
			return new Refusal(CabinIssueCodes.NOT_A_REGULAR_FILE,
					"it is " + (attributes.isDirectory() ? "a directory" : specialKind(file)) + ", not a regular file");
		}
		return tooLarge(attributes.size());
	}

	private Refusal tooLarge(long size) {
		if (badSetting != null) {
			return new Refusal(CabinIssueCodes.SOURCE_TOO_LARGE, badSetting);
		}
		if (size <= maxBytes) {
			return null;
		}
		return new Refusal(CabinIssueCodes.SOURCE_TOO_LARGE, "it is " + size + " bytes, over the limit of " + maxBytes
				+ " bytes for a source file (" + LIMIT_VARIABLE + " or -D" + LIMIT_PROPERTY + " raises it)");
	}

	/**
	 * The bytes of a source that {@link #checkSource} admitted. At most one byte more than the limit is read, so
	 * that a file that grew (or was replaced) since it was checked is refused, not read to its end.
	 */
	public byte[] read(Path file) throws IOException {
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
		}
		Refusal refusal = tooLarge(bytes.length);
		if (refusal != null) {
			throw new IOException(refusal.reason());
		}
		return bytes;
	}

	/**
	 * The file an import names, or why it is refused.
	 *
	 * @param imported what the import says
	 * @param importing the URI of the importing file
	 * @param projects where the importing file's project is found
	 */
	public Import checkImport(String imported, URI importing, ProjectCatalogues projects) {
		if (importing == null || !importing.isFile() || importing.isRelative()) {
			return refused(CabinIssueCodes.IMPORT_OUTSIDE_PROJECT,
					"the importing document is not a file of a project, so it imports nothing");
		}
		URI uri;
		try {
			uri = URI.createURI(imported);
		} catch (IllegalArgumentException e) {
			return refused(CabinIssueCodes.IMPORT_NOT_A_PATH, "it is not a path");
		}
		if (uri.scheme() != null && !uri.isFile() || uri.hasAuthority() && !uri.authority().isEmpty()
				|| uri.hasQuery() || uri.hasFragment()) {
			return refused(CabinIssueCodes.IMPORT_NOT_A_PATH,
					"it is a URL; an import names a " + EXTENSION + " file of the project by its path");
		}
		// resolved in the importing file's form of URI (a client's, in an editor), which its neighbours share
		URI resolved = uri.isRelative() ? uri.resolve(importing) : uri;
		Path target;
		Path from;
		try {
			target = Path.of(resolved.toFileString()).toAbsolutePath().normalize();
			from = Path.of(importing.toFileString()).toAbsolutePath().normalize();
		} catch (InvalidPathException e) {
			return refused(CabinIssueCodes.IMPORT_NOT_A_PATH, "it is not a path");
		}
		ProjectCatalogue project = projects.forFile(from);
		List<Path> roots = roots(from, project);
		if (roots.stream().noneMatch(target::startsWith)) {
			return refused(CabinIssueCodes.IMPORT_OUTSIDE_PROJECT,
					"it is outside " + where(roots.get(0), project) + "; " + remedy(project));
		}
		if (target.getFileName() == null || !isSourceName(target.getFileName().toString())) {
			return refused(CabinIssueCodes.NOT_A_CABIN_FILE, "only " + EXTENSION + " files can be imported");
		}
		Refusal refusal = checkFile(target);
		if (refusal != null) {
			return refused(refusal.code() != null ? refusal.code() : CabinIssueCodes.IMPORT_NOT_FOUND, refusal.reason());
		}
		if (!leadsInside(target, roots)) {
			return refused(CabinIssueCodes.IMPORT_OUTSIDE_PROJECT,
					"it links to a file outside " + where(roots.get(0), project) + "; " + remedy(project));
		}
		return new Import(resolved, null);
	}

	private static Import refused(String code, String reason) {
		return new Import(null, new Refusal(code, reason));
	}

	/* The project's folder and the folders it declares; outside any project, the importing file's folder. */
	private static List<Path> roots(Path importing, ProjectCatalogue project) {
		List<Path> roots = new ArrayList<>();
		roots.add(project.projectFile() != null ? project.projectFile().getParent() : importing.getParent());
		roots.addAll(project.imports());
		return roots;
	}

	private static String where(Path folder, ProjectCatalogue project) {
		return (project.projectFile() != null ? "the project (" : "the importing file's folder (") + folder + ")";
	}

	private static String remedy(ProjectCatalogue project) {
		if (project.projectFile() != null) {
			return "list its folder under imports: in " + project.projectFile() + " to allow it";
		}
		return "a " + CabinProject.FILE_NAME + " in a folder above both makes them one project";
	}

	/* Where the file really is, links followed, against where the roots really are. */
	private static boolean leadsInside(Path target, List<Path> roots) {
		try {
			Path real = target.toRealPath();
			for (Path root : roots) {
				if (Files.isDirectory(root) && real.startsWith(root.toRealPath())) {
					return true;
				}
			}
			return false;
		} catch (IOException e) {
			return false;
		}
	}

	/* What kind of file that is neither regular nor a directory: st_mode's type, where the platform tells it. */
	private static String specialKind(Path file) {
		try {
			int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
			switch (type) {
			case 0010000:
				return "a named pipe (FIFO)";
			case 0020000:
				return "a character device";
			case 0060000:
				return "a block device";
			case 0140000:
				return "a socket";
			default:
				break;
			}
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			// no unix view here: the generic name below
		}
		return "a special file";
	}
}
