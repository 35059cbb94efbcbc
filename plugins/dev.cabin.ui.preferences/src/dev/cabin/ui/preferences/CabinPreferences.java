package dev.cabin.ui.preferences;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.StorageException;
import org.osgi.service.prefs.BackingStoreException;

import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.llm.LlmConfigurationException;
import dev.cabin.llm.LlmSettings;
import dev.cabin.llm.Providers;
import dev.cabin.vss.VssLoadResult;
import dev.cabin.vss.VssLoader;
import dev.cabin.vss.VssSources;

/**
 * Cabin Studio's settings (Window &gt; Preferences &gt; Cabin): the LLM the simulator talks to, the default
 * locales, the VSS catalogue and its overlays. Plain values live in the instance preferences; API keys only in
 * the {@link ApiKeyStore}.
 */
public final class CabinPreferences {

	public static final String QUALIFIER = "dev.cabin.ui.preferences";

	/** The provider the simulator uses: one of {@link LlmSettings#PROVIDERS}, or empty for none (offline). */
	static final String PROVIDER = "llm.provider";
	static final String STREAM = "llm.stream";
	static final String LOCALES = "locales";
	static final String VSS_SPEC = "vss.spec";
	static final String VSS_OVERLAYS = "vss.overlays";

	static final String DEFAULT_LOCALES = "en-US, zh-CN";

	/** How the providers are shown; the order of {@link LlmSettings#PROVIDERS}. */
	static final Map<String, String> PROVIDER_LABELS = labels();

	/** The name under which the key is handed to {@link Providers}, which reads keys from an environment. */
	private static final String KEY_VARIABLE = "CABIN_STUDIO_API_KEY";

	private final IEclipsePreferences node;

	public CabinPreferences(IEclipsePreferences node) {
		this.node = node;
	}

	/** The workspace's Cabin preferences. */
	public static CabinPreferences instance() {
		return new CabinPreferences(InstanceScope.INSTANCE.getNode(QUALIFIER));
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("openai", "OpenAI-compatible (Qwen / DashScope, vLLM, llama.cpp)");
		labels.put("ollama", "Ollama");
		labels.put("anthropic", "Anthropic");
		labels.put("gemini", "Gemini");
		return labels;
	}

	/** The chosen provider, or {@code null} when the simulator runs offline. */
	public String provider() {
		String provider = node.get(PROVIDER, "");
		return LlmSettings.PROVIDERS.contains(provider) ? provider : null;
	}

	public String model(String provider) {
		return node.get("llm." + provider + ".model", "");
	}

	public String endpoint(String provider) {
		return node.get("llm." + provider + ".endpoint", "");
	}

	public boolean stream() {
		return node.getBoolean(STREAM, false);
	}

	/** The locales new agents and the simulator start with, the first being the default. */
	public List<String> locales() {
		return Arrays.stream(node.get(LOCALES, DEFAULT_LOCALES).split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
	}

	/** The VSS spec file, or {@code null} for the catalogue built into Cabin. */
	public Path vssSpec() {
		String spec = node.get(VSS_SPEC, "");
		return spec.isBlank() ? null : Path.of(spec);
	}

	public List<Path> vssOverlays() {
		return paths(node.get(VSS_OVERLAYS, ""));
	}

	/** The paths of a setting that lists one a line. */
	static List<Path> paths(String lines) {
		return Arrays.stream(lines.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
	}

	/** The catalogue the settings name, with the problems of its files. */
	public VssLoadResult vssCatalogue() {
		return catalogue(vssSpec(), vssOverlays());
	}

	/** A spec (or the catalogue built into Cabin, for {@code null}) with overlays, and the problems of its files. */
	static VssLoadResult catalogue(Path spec, List<Path> overlays) {
		return VssLoader.load(spec == null ? VssSources.defaultWith(overlays) : VssSources.standardLayout(spec, overlays));
	}

	void put(String key, String value) {
		node.put(key, value);
	}

	void putModel(String provider, String model) {
		node.put("llm." + provider + ".model", model);
	}

	void putEndpoint(String provider, String endpoint) {
		node.put("llm." + provider + ".endpoint", endpoint);
	}

	void putStream(boolean stream) {
		node.putBoolean(STREAM, stream);
	}

	void flush() throws BackingStoreException {
		node.flush();
	}

	/**
	 * The LLM settings of the chosen provider as the engine reads them (defaults for what is not set), or
	 * {@code null} when none is chosen.
	 */
	public LlmSettings llmSettings() throws LlmConfigurationException {
		String provider = provider();
		if (provider == null) {
			return null;
		}
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("CABIN_LLM_PROVIDER", provider);
		environment.put("CABIN_LLM_MODEL", model(provider));
		environment.put("CABIN_LLM_BASE_URL", endpoint(provider));
		environment.put("CABIN_LLM_STREAM", Boolean.toString(stream()));
		environment.put("CABIN_LLM_API_KEY_ENV", KEY_VARIABLE);
		return LlmSettings.load(null, environment);
	}

	/**
	 * The chosen LLM, its key taken from secure storage (which may ask for the master password), or {@code null}
	 * when none is chosen.
	 */
	public LanguageModel languageModel(ApiKeyStore keys) throws LlmConfigurationException {
		LlmSettings settings = llmSettings();
		if (settings == null) {
			return null;
		}
		String key;
		try {
			// no master password is asked for a provider without a stored key (Ollama needs none)
			key = keys.has(settings.provider()) ? keys.load(settings.provider()) : null;
		} catch (StorageException e) {
			throw new LlmConfigurationException("the " + settings.provider() + " API key cannot be read from secure "
					+ "storage: " + e.getMessage());
		}
		Map<String, String> environment = key == null ? Map.of() : Map.of(KEY_VARIABLE, key);
		try {
			return Providers.create(settings, environment);
		} catch (LlmConfigurationException e) {
			throw new LlmConfigurationException(e.getMessage().replace("in the environment variable " + KEY_VARIABLE,
					"(Window > Preferences > Cabin > LLM Providers)"));
		}
	}
}
