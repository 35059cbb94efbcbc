package dev.cabin.ui.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.cabin.testing.Screen;
import dev.cabin.studio.WelcomeView;

/** The welcome page of a first start, and its first step: creating an example project. */
class WelcomePageTest {

	@AfterAll
	static void theWorkbenchLoggedNoError() throws Exception {
		Workbench.assertNoErrorInTheLog();
	}

	@Test
	void theFirstStartShowsTheWelcomePageWhoseFirstStepOpensTheNewCabinProjectWizard() throws Exception {
		assertEquals("dev.cabin.studio.product", Platform.getProduct().getId());
		assertEquals("Cabin Studio", Platform.getProduct().getName());
		IWorkbenchPage page = Workbench.page();
		Screen.waitFor(() -> page.findView(WelcomeView.ID) != null, "the welcome page of the first start");
		assertTrue(InstanceScope.INSTANCE.getNode("dev.cabin.studio").getBoolean("welcomed", false),
				"the next start does not show it again");
		WelcomeView welcome = (WelcomeView) page.showView(WelcomeView.ID);
		Screen.waitFor(() -> firstStep(welcome) != null && firstStep(welcome).isVisible(),
				"the welcome page's first step on screen");
		Screen.screenshot("welcome");

		Link first = firstStep(welcome);
		assertNotNull(first, "the first step is a link");
		first.notifyListeners(SWT.Selection, new Event());

		IWizardDescriptor wizard = PlatformUI.getWorkbench().getNewWizardRegistry()
				.findWizard(WelcomeView.NEW_PROJECT_WIZARD);
		if (wizard == null) {
			assertTrue(welcome.message().contains("The New Cabin Project wizard (dev.cabin.ui.project.newProjectWizard)"
					+ " is not installed"), welcome.message());
		} else {
			assertNotNull(welcome.wizard(), "the wizard opened");
			assertEquals(wizard.getId(), WelcomeView.NEW_PROJECT_WIZARD);
			assertTrue(welcome.wizard().getShell().isVisible());
			welcome.wizard().close();
			assertEquals("", welcome.message());
		}
		page.hideView(welcome);
	}

	private static Link firstStep(WelcomeView welcome) {
		return (Link) Screen.find(welcome.getSite().getShell(),
				control -> control instanceof Link link && link.getText().contains("Create an example project"));
	}
}
