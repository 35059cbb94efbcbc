package dev.cabin.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.cli.Main;
import dev.cabin.car.Terminal;
import dev.cabin.engine.pkg.Ed25519Keys;
import dev.cabin.export.SigningKey;
import dev.cabin.testing.Repository;
import dev.cabin.testing.Screen;
import dev.cabin.ui.export.CarBuildExportWizard;
import dev.cabin.ui.export.SigningKeyStore;

/** File &gt; Export &gt; Car Build in a live workbench, clicked through as an author would. */
class CarBuildExportWizardTest {

	@TempDir
	Path dir;

	private IProject project;
	private ExportDialog dialog;

	/** The wizard dialog with its buttons pressable from the test. */
	private static final class ExportDialog extends WizardDialog {

		ExportDialog(Shell shell, CarBuildExportWizard wizard) {
			super(shell, wizard);
			setBlockOnOpen(false);
		}

		void next() {
			nextPressed();
		}

		void back() {
			backPressed();
		}

		void finish() {
			finishPressed();
		}
	}

	@BeforeEach
	void createProjectWithAnAgentAndProfiles() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("car");
		project.create(null);
		project.open(null);
		copy(Repository.carGenius(), "agents/car-genius.cabin");
		Path profiles = Repository.file("examples/profiles");
		for (String file : new String[] { "aurora-s-cn.yaml", "lynx-c-eu.json", "vss/aurora-s.vspec",
				"vss/aurora-s-cn.vspec" }) {
			copy(profiles.resolve(file), "profiles/" + file);
		}
	}

	private void copy(Path from, String to) throws Exception {
		String[] segments = to.split("/");
		String folder = "";
		for (int i = 0; i < segments.length - 1; i++) {
			folder += (i == 0 ? "" : "/") + segments[i];
			IFolder created = project.getFolder(folder);
			if (!created.exists()) {
				created.create(true, true, null);
			}
		}
		try (InputStream in = Files.newInputStream(from)) {
			project.getFile(to).create(in, true, null);
		}
	}

	@AfterEach
	void closeTheWizardAndDeleteTheProject() throws CoreException {
		if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
			dialog.close();
		}
		project.delete(true, null);
	}

	private CarBuildExportWizard open(ISecurePreferences storage) {
		CarBuildExportWizard wizard = new CarBuildExportWizard(new SigningKeyStore(storage));
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project.getFile("agents/car-genius.cabin")));
		dialog = new ExportDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.open();
		return wizard;
	}

	/** A secure storage of the test's own, with a password given up front instead of asked. */
	private ISecurePreferences storage() throws Exception {
		Map<String, Object> options = new HashMap<>();
		options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test password".toCharArray()));
		options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
		return SecurePreferencesFactory.open(dir.resolve("secure_storage").toUri().toURL(), options);
	}

	@SuppressWarnings("unchecked")
	private <T extends Control> T field(String name) {
		Control found = find(dialog.getShell(), name);
		assertNotNull(found, "no field " + name + " in the wizard");
		return (T) found;
	}

	private static Control find(Control control, String name) {
		if (control.isVisible() && name.equals(control.getData(CarBuildExportWizard.FIELD))) {
			return control;
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				Control found = find(child, name);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private void waitForTheChecks() throws InterruptedException {
		Label summary = field("summary");
		Screen.waitFor(() -> !summary.getText().startsWith("Checking"), "the export job", 180);
	}

	private static int verify(Path pkg, Path publicKey) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Terminal terminal = new Terminal(new BufferedReader(new StringReader("")),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
		int exit = new Main(terminal).run("verify", pkg.toString(), "--trust", publicKey.toString());
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("valid: version"), out.toString(StandardCharsets.UTF_8));
		return exit;
	}

	@Test
	void theWizardExportsTheSelectedAgentToAPackageThatCabinVerifyAccepts() throws Exception {
		Path keyFile = dir.resolve("keys/signing");
		SigningKey.generate().save(keyFile);
		CarBuildExportWizard wizard = open(storage());

		Tree agents = field("agents");
		TreeItem file = agents.getItem(0);
		assertEquals("car/agents/car-genius.cabin", file.getText());
		assertEquals("CarGenius", file.getItem(0).getText());
		assertTrue(file.getItem(0).getChecked(), "the selected file's agent is checked");
		dialog.next();

		Combo profile = field("profile");
		assertEquals("/car/profiles/aurora-s-cn.yaml", profile.getText(), "the workspace's first profile");
		assertEquals(project.getLocation().append("agents/aurora-s-cn-1.0.0.cabinpkg").toOSString(),
				this.<Text>field("output").getText(), "the output proposed beside the agent");
		this.<Text>field("version").setText("1.3.0");
		Path output = project.getLocation().toFile().toPath().resolve("builds/car-genius.cabinpkg");
		this.<Text>field("output").setText(output.toString());
		assertTrue(this.<Button>field("useKeyFile").getSelection(), "no key in secure storage: a key file");
		this.<Text>field("keyFile").setText(keyFile.toString());
		dialog.next();

		waitForTheChecks();
		assertTrue(wizard.canFinish(), this.<Label>field("summary").getText());
		assertTrue(this.<Text>field("manifest").getText().contains("\"profile\" : \"aurora-s-cn\""));
		Table checks = field("problems");
		assertTrue(checks.getItem(0).getText(0).startsWith("locales en-US, zh-CN: the Aurora S (CN) speaks"),
				checks.getItem(0).getText(0));
		Screen.screenshot("export-wizard");
		dialog.finish();

		assertTrue(dialog.getShell() == null, "Finish closes the wizard");
		assertTrue(project.getFile("builds/car-genius.cabinpkg").exists(), "the package shows in the workspace");
		assertEquals(0, verify(output, SigningKey.publicKeyFile(keyFile)));
	}

	@Test
	void aKeyInSecureStorageSignsAndAVehicleTheAgentDoesNotFitIsReportedBeforeAnythingIsWritten() throws Exception {
		ISecurePreferences storage = storage();
		SigningKey key = SigningKey.generate();
		new SigningKeyStore(storage).store(key);
		Path publicKey = Files.writeString(dir.resolve("trusted.pub"), Ed25519Keys.pem(key.publicKey()));
		CarBuildExportWizard wizard = open(storage);
		dialog.next();
		assertTrue(this.<Button>field("useSecureStorage").getSelection(), "the stored key is chosen");
		Path output = dir.resolve("out/car-genius.cabinpkg");
		this.<Text>field("output").setText(output.toString());
		this.<Combo>field("profile").setText("/car/profiles/lynx-c-eu.json");
		dialog.next();

		waitForTheChecks();
		assertFalse(wizard.canFinish());
		Table problems = field("problems");
		TableItem locale = Arrays.stream(problems.getItems())
				.filter(item -> item.getText(0).contains("CarGenius speaks zh-CN")).findFirst().orElseThrow();
		assertEquals("car-genius.cabin:5:17", locale.getText(1));
		assertTrue(Arrays.stream(problems.getItems()).noneMatch(item -> item.getText(0).startsWith("locales ")),
				"no check is reported as passed when one failed");
		assertFalse(Files.exists(output));

		dialog.back();
		this.<Combo>field("profile").setText("/car/profiles/aurora-s-cn.yaml");
		dialog.next();
		waitForTheChecks();
		assertTrue(wizard.canFinish(), this.<Label>field("summary").getText());
		dialog.finish();

		assertEquals(0, verify(output, publicKey));
	}
}
