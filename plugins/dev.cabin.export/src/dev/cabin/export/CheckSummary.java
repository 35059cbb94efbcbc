package dev.cabin.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.PackageManifest;
import dev.cabin.export.profile.HeadUnit;

/** The checks a successful export passed, in words: what the agents need next to what the vehicle has. */
final class CheckSummary {

	private CheckSummary() {
	}

	static List<String> lines(CarExport.Result result) {
		PackageManifest manifest = result.manifest();
		HeadUnit unit = result.profile().headUnit();
		String vehicle = "the " + result.profile().model() + " (" + result.profile().market() + ")";
		List<String> lines = new ArrayList<>();
		lines.add("locales " + String.join(", ", manifest.requires().locales()) + ": " + vehicle + " speaks "
				+ String.join(", ", unit.locales()));
		lines.add("sensors and displays " + listed(manifest.requires().capabilities()) + ": all fitted");
		lines.add("VSS: " + manifest.signals().read().size() + " signals read, " + manifest.signals().actuated().size()
				+ " actuators set, all in " + vehicle + "'s " + result.profile().signals().size() + " nodes");
		lines.add("LLM: " + (!manifest.llm().used() ? "not used"
				: manifest.llm().required() ? "needed, " + vehicle + " has one (" + unit.llm() + ")"
						: "used where available, authored fallbacks otherwise"));
		lines.add("engine " + PackageFormat.ENGINE_VERSION + ": inside " + vehicle + "'s range " + unit.engine());
		lines.add(String.format(Locale.ROOT, "memory: about %d MiB of the %d MiB budget", manifest.requires().memoryBytes() >> 20,
				unit.memoryMB()));
		lines.add(String.format(Locale.ROOT, "storage: %.2f MiB of the %d MiB budget", result.bytes().length / 1048576.0,
				unit.storageMB()));
		return lines;
	}

	private static String listed(List<String> items) {
		return items.isEmpty() ? "(none)" : String.join(", ", items);
	}
}
