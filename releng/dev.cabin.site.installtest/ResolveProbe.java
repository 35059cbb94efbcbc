import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.adaptor.EclipseStarter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Starts the OSGi framework of an Eclipse installation as its launcher would (config.ini, simple
 * configurator), without an application, and checks that the Cabin Studio feature the p2 director installed
 * is complete and resolves: every plugin its three features list is installed, every bundle of the installation
 * resolves, and each Cabin bundle loads a class of its own and of the libraries it uses.
 */
public final class ResolveProbe {

	/** A class that each bundle must load: its own code, or the library it stands for. */
	private static final Map<String, String> CLASSES = Map.ofEntries(
			Map.entry("dev.cabin.engine", "dev.cabin.engine.Engine"),
			Map.entry("dev.cabin.embeddings.onnx",
					"dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel"),
			Map.entry("dev.cabin.car", "dev.cabin.car.Conversation"),
			Map.entry("dev.cabin.compiler", "dev.cabin.compiler.CabinCompiler"),
			Map.entry("dev.cabin.dsl", "org.eclipse.xtext.resource.XtextResourceSet"),
			Map.entry("dev.cabin.diagram", "org.eclipse.elk.alg.layered.options.LayeredOptions"),
			Map.entry("dev.cabin.llm", "dev.langchain4j.model.openai.OpenAiChatModel"),
			Map.entry("dev.cabin.ui.simulator", "dev.cabin.ui.simulator.SimulatorView"),
			Map.entry("dev.cabin.ui.preferences", "dev.cabin.ui.preferences.LlmPreferencePage"),
			Map.entry("dev.cabin.ui", "dev.cabin.ui.editor.CabinReconciler"),
			Map.entry("dev.cabin.ui.lab", "dev.cabin.ui.lab.LabView"));

	public static void main(String[] args) throws Exception {
		Path install = Path.of(args[0]).toAbsolutePath();
		List<String> expected = featurePlugins(install);
		Map<String, String> properties = new HashMap<>();
		properties.put("osgi.install.area", install.toUri().toString());
		properties.put("osgi.configuration.area", install.resolve("configuration").toUri().toString());
		properties.put("osgi.instance.area", install.resolveSibling("probe-workspace").toUri().toString());
		properties.put("eclipse.ignoreApp", "true");
		properties.put("osgi.noShutdown", "true");
		properties.put("osgi.clean", "true");
		EclipseStarter.setInitialProperties(properties);
		BundleContext context = EclipseStarter.startup(new String[0], null);
		List<String> problems = new ArrayList<>();
		try {
			context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(null);
			Map<String, Bundle> bySymbolicName = new HashMap<>();
			for (Bundle bundle : context.getBundles()) {
				bySymbolicName.put(bundle.getSymbolicName(), bundle);
				if (bundle.getState() == Bundle.INSTALLED && !otherPlatform(bundle)) {
					problems.add("not resolved: " + bundle.getSymbolicName() + " " + bundle.getVersion() + ": " + reason(bundle));
				}
			}
			for (String plugin : expected) {
				if (!bySymbolicName.containsKey(plugin)) {
					problems.add("not installed: " + plugin + " (listed by a Cabin feature)");
				}
			}
			for (Map.Entry<String, String> check : CLASSES.entrySet()) {
				Bundle bundle = bySymbolicName.get(check.getKey());
				try {
					if (bundle == null) {
						throw new ClassNotFoundException("no bundle " + check.getKey());
					}
					bundle.loadClass(check.getValue());
				} catch (ClassNotFoundException | NoClassDefFoundError e) {
					problems.add("class " + check.getValue() + " does not load in " + check.getKey() + ": " + e);
				}
			}
			System.out.println("install-test: " + context.getBundles().length + " bundles in " + install + "; "
					+ expected.size() + " plugins of the Cabin features installed");
		} finally {
			EclipseStarter.shutdown();
		}
		if (!problems.isEmpty()) {
			problems.forEach(problem -> System.err.println("install-test: " + problem));
			System.exit(1);
		}
		System.out.println("install-test: every bundle resolves; the Cabin bundles load their classes");
	}

	/** The plugins listed by the installed Cabin Studio feature and the runtime feature it includes. */
	private static List<String> featurePlugins(Path install) throws Exception {
		TreeSet<String> plugins = new TreeSet<>();
		Pattern plugin = Pattern.compile("<plugin\\s[^>]*?id=\"([^\"]+)\"");
		TreeSet<String> features = new TreeSet<>();
		try (var folders = Files.list(install.resolve("features"))) {
			for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith("dev.cabin.studio.feature_")
					|| f.getFileName().toString().startsWith("dev.cabin.runtime.feature_")
					|| f.getFileName().toString().startsWith("dev.cabin.car.feature_")).toList()) {
				features.add(folder.getFileName().toString().replaceFirst("_.*", ""));
				Matcher matcher = plugin.matcher(Files.readString(folder.resolve("feature.xml")));
				while (matcher.find()) {
					plugins.add(matcher.group(1));
				}
			}
		}
		if (features.size() != 3) {
			throw new IllegalStateException("the Cabin Studio, runtime and car features are not all installed in "
					+ install + " (found " + features + ")");
		}
		return List.copyOf(plugins);
	}

	/** A fragment for another operating system or window system, which cannot resolve here by design. */
	private static boolean otherPlatform(Bundle bundle) {
		String filter = bundle.getHeaders().get("Eclipse-PlatformFilter");
		return filter != null && !(filter.contains("linux") && filter.contains("gtk"));
	}

	private static String reason(Bundle bundle) {
		try {
			bundle.start(Bundle.START_TRANSIENT);
			return "(it resolves when started)";
		} catch (BundleException e) {
			return e.getMessage().replace('\n', ' ');
		}
	}
}
