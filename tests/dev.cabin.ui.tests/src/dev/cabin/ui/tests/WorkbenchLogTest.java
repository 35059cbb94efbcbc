package dev.cabin.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The UI tests leave no error in the workbench log ({@code .metadata/.log}); ordered after the other test
 * classes (junit-platform.properties), so that it reads what they logged.
 */
@Order(Integer.MAX_VALUE)
class WorkbenchLogTest {

	@Test
	void theWorkbenchLogHasNoErrors() throws Exception {
		Path log = Platform.getLogFileLocation().toFile().toPath();
		List<String> errors = new ArrayList<>();
		if (Files.exists(log)) {
			List<String> lines = Files.readAllLines(log);
			for (int i = 0; i < lines.size(); i++) {
				// !ENTRY <bundle> <severity> ...: severity 4 is IStatus.ERROR
				String[] entry = lines.get(i).split(" ");
				if (entry.length > 2 && entry[0].equals("!ENTRY") && entry[2].equals("4")) {
					errors.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 6))));
				}
			}
		}
		assertEquals(List.of(), errors, "errors in " + log);
	}
}
