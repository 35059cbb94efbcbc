package dev.cabin.ui.preferences;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import dev.cabin.llm.LlmConfigurationException;
import dev.cabin.llm.LlmSettings;

/**
 * Window &gt; Preferences &gt; Cabin &gt; LLM Providers: which LLM the simulator uses, with each provider's
 * endpoint and model; the API key goes to secure storage, never to a preference file.
 */
public final class LlmPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	/** The key under which each field is found by {@link Control#getData(String)} (for tests and tools). */
	public static final String FIELD = "dev.cabin.field";

	private static final String OFFLINE = "None (offline: authored replies only)";

	private final ApiKeyStore keys;
	private final CabinPreferences preferences;
	/** What was typed per provider, so that switching providers loses nothing before OK. */
	private final Map<String, String[]> edits = new HashMap<>();
	private final List<String> choices = new ArrayList<>();

	private Combo provider;
	private Text endpoint;
	private Text model;
	private Text apiKey;
	private Label keyState;
	private Button stream;
	private String shown;

	public LlmPreferencePage() {
		this(ApiKeyStore.standard(), CabinPreferences.instance());
	}

	public LlmPreferencePage(ApiKeyStore keys, CabinPreferences preferences) {
		this.keys = keys;
		this.preferences = preferences;
		setDescription("The LLM that the simulator's generate steps and ambiguous utterances use. API keys are kept "
				+ "encrypted in Eclipse secure storage.");
	}

	@Override
	public void init(IWorkbench workbench) {
		// the stores are given to the constructor
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);
		provider = new Combo(labelled(page, "&Provider:"), SWT.READ_ONLY);
		provider.setData(FIELD, "provider");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(provider);
		choices.add("");
		provider.add(OFFLINE);
		for (Map.Entry<String, String> entry : CabinPreferences.PROVIDER_LABELS.entrySet()) {
			choices.add(entry.getKey());
			provider.add(entry.getValue());
		}
		endpoint = text(page, "&Endpoint:", SWT.BORDER, "endpoint");
		endpoint.setMessage("the provider's default");
		model = text(page, "&Model:", SWT.BORDER, "model");
		apiKey = text(page, "API &key:", SWT.BORDER | SWT.PASSWORD, "apiKey");
		new Label(page, SWT.NONE);
		keyState = new Label(page, SWT.WRAP);
		keyState.setData(FIELD, "keyState");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(keyState);
		stream = new Button(page, SWT.CHECK);
		stream.setText("&Stream replies");
		stream.setData(FIELD, "stream");
		GridDataFactory.fillDefaults().span(2, 1).applyTo(stream);
		stream.setSelection(preferences.stream());

		String current = preferences.provider() == null ? "" : preferences.provider();
		provider.select(choices.indexOf(current));
		show(current);
		provider.addListener(SWT.Selection, event -> {
			remember();
			show(choices.get(provider.getSelectionIndex()));
		});
		return page;
	}

	private static Composite labelled(Composite page, String label) {
		new Label(page, SWT.NONE).setText(label);
		return page;
	}

	private static Text text(Composite page, String label, int style, String name) {
		Text text = new Text(labelled(page, label), style);
		text.setData(FIELD, name);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
		return text;
	}

	/** Shows the fields of a provider ("" for none), as edited or as stored. */
	private void show(String chosen) {
		shown = chosen;
		boolean online = !chosen.isEmpty();
		String[] values = edits.get(chosen);
		endpoint.setText(values != null ? values[0] : online ? preferences.endpoint(chosen) : "");
		model.setText(values != null ? values[1] : online ? preferences.model(chosen) : "");
		model.setMessage(online ? "default: " + defaultModel(chosen) : "");
		apiKey.setText(values != null ? values[2] : "");
		boolean needsKey = online && !chosen.equals("ollama");
		apiKey.setMessage(needsKey && keys.has(chosen) ? "stored in secure storage; type to replace" : "");
		keyState.setText(!needsKey ? (online ? "Ollama needs no API key." : "")
				: keys.has(chosen) ? "A key is stored in secure storage. Leave the field empty to keep it."
						: "No key stored yet.");
		for (Control field : new Control[] { endpoint, model, stream }) {
			field.setEnabled(online);
		}
		apiKey.setEnabled(needsKey);
		keyState.getParent().layout(true, true);
	}

	private static String defaultModel(String provider) {
		try {
			return LlmSettings.load(null, Map.of("CABIN_LLM_PROVIDER", provider)).model();
		} catch (LlmConfigurationException e) {
			return "";
		}
	}

	private void remember() {
		edits.put(shown, new String[] { endpoint.getText().strip(), model.getText().strip(), apiKey.getText() });
	}

	@Override
	protected void performDefaults() {
		edits.clear();
		provider.select(0);
		stream.setSelection(false);
		show("");
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		remember();
		try {
			for (Map.Entry<String, String[]> edit : edits.entrySet()) {
				String name = edit.getKey();
				if (name.isEmpty()) {
					continue;
				}
				preferences.putEndpoint(name, edit.getValue()[0]);
				preferences.putModel(name, edit.getValue()[1]);
				if (!edit.getValue()[2].isEmpty()) {
					keys.store(name, edit.getValue()[2]);
				}
			}
			preferences.put(CabinPreferences.PROVIDER, shown);
			preferences.putStream(stream.getSelection());
			preferences.flush();
		} catch (Exception e) {
			setErrorMessage("The settings could not be saved: " + e.getMessage());
			return false;
		}
		return true;
	}
}
