package dev.cabin.ui.preferences;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import dev.cabin.vss.VssLoadResult;

/**
 * Window &gt; Preferences &gt; Cabin: the default locales and the VSS catalogue (a spec and overlays) that the
 * simulator's signal palette describes. A project's own {@code cabin.yaml} still decides what its agents are
 * validated against.
 */
public final class CabinPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private final CabinPreferences preferences;

	private Text locales;
	private Text spec;
	private Text overlays;

	public CabinPreferencePage() {
		this(CabinPreferences.instance());
	}

	public CabinPreferencePage(CabinPreferences preferences) {
		this.preferences = preferences;
		setDescription("Settings of Cabin Studio. The LLM providers are on their own page below.");
	}

	@Override
	public void init(IWorkbench workbench) {
		// the preferences are given to the constructor
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(page);
		new Label(page, SWT.NONE).setText("Default &locales:");
		locales = new Text(page, SWT.BORDER);
		locales.setData(LlmPreferencePage.FIELD, "locales");
		locales.setText(String.join(", ", preferences.locales()));
		locales.setToolTipText("BCP 47 tags, the first being the default: en-US, zh-CN");
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(locales);

		new Label(page, SWT.NONE).setText("VSS &spec:");
		spec = new Text(page, SWT.BORDER);
		spec.setData(LlmPreferencePage.FIELD, "vssSpec");
		spec.setMessage("the catalogue built into Cabin (VSS 5.0)");
		spec.setText(preferences.vssSpec() == null ? "" : preferences.vssSpec().toString());
		GridDataFactory.fillDefaults().grab(true, false).applyTo(spec);
		Button browse = new Button(page, SWT.PUSH);
		browse.setText("Browse...");
		browse.addListener(SWT.Selection, event -> {
			FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
			dialog.setFilterExtensions(new String[] { "*.vspec", "*.*" });
			String chosen = dialog.open();
			if (chosen != null) {
				spec.setText(chosen);
			}
		});

		Label overlayLabel = new Label(page, SWT.NONE);
		overlayLabel.setText("VSS &overlays\n(one file a line):");
		GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(overlayLabel);
		overlays = new Text(page, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
		overlays.setData(LlmPreferencePage.FIELD, "vssOverlays");
		overlays.setText(preferences.vssOverlays().stream().map(Object::toString).collect(Collectors.joining("\n")));
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(360, 80).applyTo(overlays);
		return page;
	}

	@Override
	protected void performDefaults() {
		locales.setText(CabinPreferences.DEFAULT_LOCALES);
		spec.setText("");
		overlays.setText("");
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		if (!locales.getText().strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*(\\s*,\\s*[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)*")) {
			setErrorMessage("Locales are BCP 47 tags separated by commas, such as en-US, zh-CN");
			return false;
		}
		VssLoadResult catalogue = CabinPreferences.catalogue(spec.getText().isBlank() ? null : Path.of(spec.getText().strip()),
				CabinPreferences.paths(overlays.getText()));
		if (!catalogue.problems().isEmpty()) {
			setErrorMessage(catalogue.problems().get(0).format()
					+ (catalogue.problems().size() > 1 ? " (and " + (catalogue.problems().size() - 1) + " more)" : ""));
			return false;
		}
		preferences.put(CabinPreferences.LOCALES, locales.getText().strip());
		preferences.put(CabinPreferences.VSS_SPEC, spec.getText().strip());
		preferences.put(CabinPreferences.VSS_OVERLAYS, overlays.getText().strip());
		try {
			preferences.flush();
		} catch (Exception e) {
			setErrorMessage("The settings could not be saved: " + e.getMessage());
			return false;
		}
		setErrorMessage(null);
		return true;
	}
}
