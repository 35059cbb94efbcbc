package dev.cabin.ui.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.DialogPage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cabin.testing.LoopbackLlm;
import dev.cabin.testing.Screen;
import dev.cabin.ui.preferences.ApiKeyStore;
import dev.cabin.ui.preferences.CabinPreferences;
import dev.cabin.ui.preferences.LlmPreferencePage;
import dev.cabin.ui.simulator.SimulatorView;

/**
 * Window &gt; Preferences &gt; Cabin &gt; LLM Providers, filled in by hand; the key ends up only in secure
 * storage, and the simulator talks to the LLM (a loopback OpenAI-compatible server) without blocking the UI.
 */
class LlmPreferencesTest {

	private static final String KEY = "sk-cabinStudioUiTest0123456789abcdef";

	private LoopbackLlm server;
	private IProject project;

	@BeforeEach
	void startTheLlm() throws Exception {
		server = new LoopbackLlm();
		project = Workbench.exampleProject("calm", "examples/cabin-comfort");
	}

	@AfterEach
	void stopIt() throws Exception {
		server.close();
		Workbench.closeAndDelete(project);
		IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(CabinPreferences.QUALIFIER);
		preferences.remove("llm.provider");
		preferences.remove("vss.overlays");
		preferences.flush();
	}

	@AfterAll
	static void theWorkbenchLoggedNoError() throws Exception {
		Workbench.assertNoErrorInTheLog();
	}

	@Test
	void anApiKeyTypedInThePreferencesIsKeptOnlyInSecureStorageAndTheSimulatorUsesItWithoutBlockingTheUi()
			throws Exception {
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(Workbench.page().getWorkbenchWindow().getShell(),
				"dev.cabin.ui.preferences.llm", null, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		Combo provider = field(dialog, "provider");
		provider.select(Arrays.asList(provider.getItems()).indexOf("OpenAI-compatible (Qwen / DashScope, vLLM, llama.cpp)"));
		provider.notifyListeners(SWT.Selection, new Event());
		this.<Text>field(dialog, "endpoint").setText(server.url() + "/v1");
		this.<Text>field(dialog, "model").setText("test-model");
		this.<Text>field(dialog, "apiKey").setText(KEY);
		Screen.screenshot("preferences-llm");
		press(dialog.getShell(), "Apply and Close");
		Screen.waitFor(() -> dialog.getShell() == null || dialog.getShell().isDisposed(), "the dialog to close");

		assertEquals("openai", CabinPreferences.instance().provider());
		assertEquals(KEY, ApiKeyStore.standard().load("openai"));
		Path workspace = ResourcesPlugin.getWorkspace().getRoot().getLocation().toFile().toPath();
		Path configuration = Path.of(Platform.getConfigurationLocation().getURL().toURI());
		assertEquals(List.of(), filesContaining(workspace, KEY), "the key is in no workspace or preference file");
		assertEquals(List.of(), filesContaining(configuration, KEY), "the key is in no file of the configuration area");
		Path keyring = Path.of(System.getProperty("cabin.keyring"));
		assertTrue(Files.isRegularFile(keyring), "the key went to the secure storage the test runs with: " + keyring);
		assertEquals(List.of(), filesContaining(keyring, KEY), "secure storage keeps it encrypted");

		server.then(LoopbackLlm.openAiText("Roll your shoulders back and breathe out slowly.").delayed(1_500));
		IWorkbenchPage page = Workbench.page();
		IDE.openEditor(page, project.getFile("cabin-comfort.cabin"));
		SimulatorView simulator = (SimulatorView) page.showView(SimulatorView.ID);
		Workbench.waitUntilLoaded(simulator, "CabinComfort");
		assertTrue(simulator.status().getText().contains("LLM openai/test-model"), simulator.status().getText());

		AtomicInteger uiTicks = new AtomicInteger();
		Display display = Display.getCurrent();
		Runnable tick = new Runnable() {
			@Override
			public void run() {
				if (simulator.busy()) {
					uiTicks.incrementAndGet();
					display.timerExec(50, this);
				}
			}
		};
		Workbench.say(simulator, "help me relax");
		assertTrue(simulator.busy(), "the turn runs in a job; the UI goes on");
		display.timerExec(50, tick);
		Workbench.waitForTurns(simulator, 1);

		System.out.println("LlmPreferencesTest: the UI thread ran " + uiTicks.get() + " timer ticks of 50 ms while the LLM"
				+ " took 1.5 s to answer");
		assertTrue(uiTicks.get() >= 10, "the UI thread ran " + uiTicks.get() + " times while the LLM answered in 1.5 s");
		assertTrue(simulator.transcript().getText().contains("CabinComfort: Roll your shoulders back and breathe out slowly."),
				simulator.transcript().getText());
		assertEquals(1, server.received().size());
		assertEquals("Bearer " + KEY, server.received().get(0).authorization());
		TreeItem llm = Workbench.child(simulator.traceTree().getItem(0), "LLM");
		assertNotNull(Workbench.child(Workbench.child(llm, "#1"), "response"));
		assertFalse(String.join("\n", Workbench.texts(Workbench.child(llm, "#1"))).contains(KEY), "the trace masks the key");
		assertEquals(List.of(), filesContaining(workspace, KEY), "nor did the conversation write it anywhere");

		server.then(LoopbackLlm.openAiText("This answer comes too late.").delayed(6_000));
		Workbench.say(simulator, "help me relax");
		Screen.waitFor(() -> server.received().size() == 2, "the second request at the LLM");
		long stopped = System.nanoTime();
		simulator.stop();
		Screen.waitFor(() -> !simulator.busy(), "the stopped turn", 3);
		assertTrue(System.nanoTime() - stopped < 3_000_000_000L, "Stop does not wait for the LLM");
		assertTrue(simulator.transcript().getText().endsWith("(stopped: the reply to \"help me relax\" is not shown)\n"),
				simulator.transcript().getText());
	}

	@Test
	void aVssOverlayThatCannotBeReadIsReportedAndNothingIsSavedUntilItIsFixed() throws Exception {
		Path overlay = Files.createTempFile("overlay", ".vspec");
		Files.writeString(overlay, "Vehicle.Cabin.Fragrance:\n  type: branch\n  description: The scent of the cabin.\n"
				+ "Vehicle.Cabin.Fragrance.Intensity:\n  datatype: uint8\n  type: actuator\n  unit: percent\n"
				+ "  description: How strongly the diffuser scents the cabin.\n");
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(Workbench.page().getWorkbenchWindow().getShell(),
				"dev.cabin.ui.preferences.cabin", null, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		Text overlays = field(dialog, "vssOverlays");
		overlays.setText(overlay + "-missing");
		press(dialog.getShell(), "Apply and Close");

		assertFalse(dialog.getShell() == null || dialog.getShell().isDisposed(), "the page refuses the setting");
		String error = ((DialogPage) dialog.getSelectedPage()).getErrorMessage();
		assertTrue(error.contains(overlay + "-missing"), error);
		assertEquals(List.of(), CabinPreferences.instance().vssOverlays(), "nothing was saved");

		overlays.setText(overlay.toString());
		press(dialog.getShell(), "Apply and Close");
		Screen.waitFor(() -> dialog.getShell() == null || dialog.getShell().isDisposed(), "the dialog to close");
		assertEquals(List.of(overlay), CabinPreferences.instance().vssOverlays());
		assertTrue(CabinPreferences.instance().vssCatalogue().catalogue().node("Vehicle.Cabin.Fragrance.Intensity")
				.isPresent(), "the simulator describes the overlay's signals");
	}

	@SuppressWarnings("unchecked")
	private <T extends Control> T field(PreferenceDialog dialog, String name) {
		Control found = Screen.find(dialog.getShell(), control -> name.equals(control.getData(LlmPreferencePage.FIELD)));
		assertNotNull(found, "no field " + name + " on the page");
		return (T) found;
	}

	private static void press(Composite shell, String label) {
		Button button = (Button) Screen.find(shell, control -> control instanceof Button b && b.getText().replace("&", "").equals(label));
		assertNotNull(button, "no button " + label);
		button.notifyListeners(SWT.Selection, new Event());
	}

	private static List<Path> filesContaining(Path folder, String secret) throws IOException {
		byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
		List<Path> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				try {
					if (indexOf(Files.readAllBytes(file), needle) >= 0) {
						found.add(file);
					}
				} catch (IOException e) {
					// a file that went away or is locked while the workbench runs: not readable, not a leak
				}
			}
		}
		return found;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
