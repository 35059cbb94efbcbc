package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cabin.yaml beside the sources (or above them) points them at another VSS catalogue. */
class ProjectFileTest {

	@TempDir
	Path dir;

	private static final String AGENT = """
			agent Acme {
				locales en-US
				intent Mood {
					en-US: "how do you feel", "how is the car", "are you happy"
				}
				on voice Mood -> flow Tell
				flow Tell {
					branch {
						when Vehicle.Acme.Mood == "HAPPY" {
							say "Happy, at {Vehicle.Speed} km/h."
						}
						otherwise {
							say "Calm."
						}
					}
					end
				}
			}
			""";

	private static final String OVERLAY = """
			Vehicle.Acme:
			  type: branch
			  description: the OEM's own signals
			Vehicle.Acme.Mood:
			  type: sensor
			  datatype: string
			  allowed: [CALM, HAPPY]
			  description: how the car feels
			""";

	@Test
	void withoutAProjectTheDefaultCatalogueHasNoOemSignals() {
		Checked checked = Checked.files(Checked.write(dir, "agents/acme.cabin", AGENT));

		assertEquals(List.of("9:unknownVssPath"), checked.codes(), checked.toString());
	}

	@Test
	void anOverlayNamedByTheProjectFileAddsSignalsForEverySourceBelowIt() {
		Checked.write(dir, "cabin.yaml", "vss:\n  overlays: [vss/acme.vspec]\n");
		Checked.write(dir, "vss/acme.vspec", OVERLAY);

		Checked checked = Checked.files(Checked.write(dir, "agents/acme.cabin", AGENT));

		assertEquals(List.of(), checked.codes(), checked.toString());
	}

	@Test
	void anOverlayWrittenAfterTheProjectFileNamedItIsUsedOnTheNextCheck() {
		Checked.write(dir, "cabin.yaml", "vss:\n  overlays: [vss/acme.vspec]\n");
		Path agent = Checked.write(dir, "agents/acme.cabin", AGENT);
		Checked before = Checked.files(agent);
		Checked.write(dir, "vss/acme.vspec", OVERLAY);

		Checked after = Checked.files(agent);

		assertEquals(List.of(), after.codes(), "the first check, before the overlay existed, is not kept: " + before + " then " + after);
	}

	@Test
	void aProjectsOwnSpecReplacesTheDefaultCatalogue() {
		Checked.write(dir, "cabin.yaml", "vss:\n  spec: vss/root.vspec\n  overlays: [vss/acme.vspec]\n");
		Checked.write(dir, "vss/root.vspec", """
				Vehicle:
				  type: branch
				  description: a tiny vehicle
				""");
		Checked.write(dir, "vss/acme.vspec", OVERLAY);

		Checked checked = Checked.files(Checked.write(dir, "agents/acme.cabin", AGENT));

		assertEquals(List.of("10:unknownVssPath"), checked.codes(), checked.toString());
	}

	@Test
	void aBrokenProjectFileIsReportedWhereItIsWrong() {
		Path yaml = Checked.write(dir, "cabin.yaml", "vss:\n  spec: nowhere.vspec\n");

		Checked checked = Checked.files(Checked.write(dir, "agents/acme.cabin", AGENT));

		assertEquals(List.of("9:unknownVssPath", "2:projectProblem"), checked.codes(), checked.toString());
		assertEquals(yaml.toAbsolutePath().normalize(), checked.result.problems().get(1).file());
	}
}
