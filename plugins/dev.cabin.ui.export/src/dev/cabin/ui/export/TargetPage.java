package dev.cabin.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.cabin.engine.pkg.Ed25519Keys;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.engine.pkg.SemanticVersion;
import dev.cabin.export.SigningKey;

/** The second page: the vehicle profile, the version, where the package goes and the key that signs it. */
final class TargetPage extends WizardPage {

	private final SigningKeyStore keyStore;
	private final Map<String, Path> workspaceProfiles = new LinkedHashMap<>();
	private Combo profile;
	private Text version;
	private Text output;
	private Button useKeyFile;
	private Text keyFile;
	private Button useSecureStorage;
	private Label storedKey;

	TargetPage(SigningKeyStore keyStore) {
		super("target", "Vehicle and Signing", null);
		this.keyStore = keyStore;
		setDescription("Choose the vehicle profile to check the agents against, and the key that signs the build.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(3, false));

		label(page, "Vehicle &profile:");
		profile = new Combo(page, SWT.DROP_DOWN);
		field(profile, "profile");
		for (IFile file : WorkspaceFiles.profiles()) {
			workspaceProfiles.put(file.getFullPath().toString(), WorkspaceFiles.location(file));
			profile.add(file.getFullPath().toString());
		}
		if (profile.getItemCount() > 0) {
			profile.select(0);
		}
		profile.addModifyListener(e -> update());
		browse(page, SWT.OPEN, new String[] { "*.yaml;*.yml;*.json" }, profile::setText);

		label(page, "&Version:");
		version = new Text(page, SWT.BORDER);
		field(version, "version");
		version.setText("1.0.0");
		version.addModifyListener(e -> update());
		new Label(page, SWT.NONE);

		label(page, "&Output file:");
		output = new Text(page, SWT.BORDER);
		field(output, "output");
		output.addModifyListener(e -> update());
		browse(page, SWT.SAVE, new String[] { "*.cabinpkg" }, output::setText);

		createKeyGroup(page);
		update();
		setControl(page);
	}

	private void createKeyGroup(Composite page) {
		Group keys = new Group(page, SWT.NONE);
		keys.setText("Signing key (Ed25519)");
		keys.setLayout(new GridLayout(3, false));
		keys.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
		useKeyFile = new Button(keys, SWT.RADIO);
		useKeyFile.setText("&Key file (from cabin keygen):");
		useKeyFile.setData(CarBuildExportWizard.FIELD, "useKeyFile");
		keyFile = new Text(keys, SWT.BORDER);
		field(keyFile, "keyFile");
		keyFile.addModifyListener(e -> update());
		browse(keys, SWT.OPEN, new String[] { "*" }, keyFile::setText);

		useSecureStorage = new Button(keys, SWT.RADIO);
		useSecureStorage.setText("Key in Eclipse &secure storage:");
		useSecureStorage.setData(CarBuildExportWizard.FIELD, "useSecureStorage");
		storedKey = new Label(keys, SWT.NONE);
		storedKey.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Composite actions = new Composite(keys, SWT.NONE);
		actions.setLayout(new GridLayout(2, true));
		Button importKey = new Button(actions, SWT.PUSH);
		importKey.setText("&Import...");
		importKey.setToolTipText("Keep a key file of cabin keygen in secure storage");
		importKey.addListener(SWT.Selection, e -> importKeyFile());
		Button generate = new Button(actions, SWT.PUSH);
		generate.setText("&Generate...");
		generate.setToolTipText("Make a new key in secure storage and save its public key for cars");
		generate.addListener(SWT.Selection, e -> generateKey());
		boolean stored = keyStore.storedKeyId() != null;
		useSecureStorage.setSelection(stored);
		useKeyFile.setSelection(!stored);
		useKeyFile.addListener(SWT.Selection, e -> update());
		useSecureStorage.addListener(SWT.Selection, e -> update());
	}

	private static void label(Composite parent, String text) {
		new Label(parent, SWT.NONE).setText(text);
	}

	private static void field(Control control, String name) {
		control.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		control.setData(CarBuildExportWizard.FIELD, name);
	}

	private void browse(Composite parent, int style, String[] extensions, Consumer<String> chosen) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText("Browse...");
		button.addListener(SWT.Selection, e -> {
			FileDialog dialog = new FileDialog(getShell(), style);
			dialog.setFilterExtensions(extensions);
			String file = dialog.open();
			if (file != null) {
				chosen.accept(file);
			}
		});
	}

	private void importKeyFile() {
		FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
		String file = dialog.open();
		if (file != null) {
			try {
				keyStore.store(SigningKey.load(Path.of(file)));
				useSecureStorage.setSelection(true);
				useKeyFile.setSelection(false);
			} catch (KeyFileException | StorageException | IOException e) {
				setErrorMessage("Cannot import the key: " + e.getMessage());
				return;
			}
		}
		update();
	}

	private void generateKey() {
		FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
		dialog.setText("Save the public key (for cars)");
		dialog.setFileName("cabin-signing.pub");
		String publicFile = dialog.open();
		if (publicFile == null) {
			return;
		}
		SigningKey key = SigningKey.generate();
		try {
			Files.writeString(Path.of(publicFile), Ed25519Keys.pem(key.publicKey()));
			keyStore.store(key);
			useSecureStorage.setSelection(true);
			useKeyFile.setSelection(false);
		} catch (StorageException | IOException e) {
			setErrorMessage("Cannot store the new key: " + e.getMessage());
			return;
		}
		update();
	}

	/** Proposes an output file beside the first agent's file, named after the profile and version. */
	void proposeOutput(IFile firstSource) {
		if (output != null && output.getText().isBlank() && firstSource != null && profile() != null) {
			String name = profile().getFileName().toString().replaceFirst("\\.[^.]*$", "");
			output.setText(WorkspaceFiles.location(firstSource).resolveSibling(name + "-" + version.getText().strip()
					+ ".cabinpkg").toString());
		}
	}

	private void update() {
		String id = keyStore.storedKeyId();
		storedKey.setText(id == null ? "(no key stored)" : id);
		keyFile.setEnabled(useKeyFile.getSelection());
		String problem = problem();
		setErrorMessage(problem);
		setPageComplete(problem == null);
	}

	private String problem() {
		if (profile() == null || !Files.isRegularFile(profile())) {
			return "Choose a vehicle profile file.";
		}
		try {
			SemanticVersion.parse(version.getText().strip());
		} catch (IllegalArgumentException e) {
			return "Version: " + e.getMessage();
		}
		if (output.getText().isBlank()) {
			return "Choose where to write the package.";
		}
		if (useKeyFile.getSelection() && !Files.isRegularFile(Path.of(keyFile.getText().strip()))) {
			return "Choose the key file that signs the build (cabin keygen makes one).";
		}
		if (useSecureStorage.getSelection() && keyStore.storedKeyId() == null) {
			return "Secure storage holds no signing key: import or generate one.";
		}
		return null;
	}

	Path profile() {
		String text = profile.getText().strip();
		return text.isEmpty() ? null : workspaceProfiles.getOrDefault(text, Path.of(text));
	}

	String version() {
		return version.getText().strip();
	}

	Path output() {
		return Path.of(output.getText().strip());
	}

	/** Reads the chosen key; it may ask for the secure storage's master password, so jobs may run it. */
	interface KeySource {
		SigningKey load() throws KeyFileException, StorageException;
	}

	/** The key as chosen now (read the widgets on the UI thread, the key wherever). */
	KeySource keySource() {
		if (useSecureStorage.getSelection()) {
			return () -> {
				SigningKey key = keyStore.load();
				if (key == null) {
					throw new KeyFileException("secure storage holds no signing key");
				}
				return key;
			};
		}
		Path file = Path.of(keyFile.getText().strip());
		return () -> SigningKey.load(file);
	}
}
