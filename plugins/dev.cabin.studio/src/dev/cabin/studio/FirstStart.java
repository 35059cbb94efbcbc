package dev.cabin.studio;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Shows the welcome page the first time Cabin Studio starts with a workspace (not in other products that
 * have Cabin installed: they have their own welcome).
 */
public final class FirstStart implements IStartup {

	static final String PRODUCT = "dev.cabin.studio.product";
	static final String WELCOMED = "welcomed";

	@Override
	public void earlyStartup() {
		if (Platform.getProduct() == null || !PRODUCT.equals(Platform.getProduct().getId())) {
			return;
		}
		IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode("dev.cabin.studio");
		if (preferences.getBoolean(WELCOMED, false)) {
			return;
		}
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			IWorkbenchPage page = window == null ? null : window.getActivePage();
			if (page == null) {
				return;
			}
			try {
				page.showView(WelcomeView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
				preferences.putBoolean(WELCOMED, true);
				preferences.flush();
			} catch (PartInitException | BackingStoreException e) {
				Platform.getLog(FirstStart.class).warn("The welcome page could not be shown", e);
			}
		});
	}
}
