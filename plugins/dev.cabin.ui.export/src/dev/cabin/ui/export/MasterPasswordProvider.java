package dev.cabin.ui.export;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/** Asks the user for the master password of Eclipse secure storage in a password field. */
public final class MasterPasswordProvider extends PasswordProvider {

	@Override
	public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
		if (container.hasOption(IProviderHints.PROMPT_USER)
				&& Boolean.FALSE.equals(container.getOption(IProviderHints.PROMPT_USER))
				|| !PlatformUI.isWorkbenchRunning()) {
			return null;
		}
		boolean create = (passwordType & CREATE_NEW_PASSWORD) != 0;
		String[] password = new String[1];
		Display display = PlatformUI.getWorkbench().getDisplay();
		display.syncExec(() -> {
			InputDialog dialog = new InputDialog(display.getActiveShell(), "Secure Storage",
					create ? "Choose a master password for Cabin Studio's secure storage:"
							: "Master password of Cabin Studio's secure storage:",
					"", text -> text.isEmpty() ? "The password cannot be empty" : null) {
				@Override
				protected int getInputTextStyle() {
					return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
				}
			};
			if (dialog.open() == Window.OK) {
				password[0] = dialog.getValue();
			}
		});
		return password[0] == null ? null : new PBEKeySpec(password[0].toCharArray());
	}
}
