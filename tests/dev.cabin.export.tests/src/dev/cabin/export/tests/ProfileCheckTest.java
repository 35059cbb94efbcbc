package dev.cabin.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.Problem;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.export.CarExport;
import dev.cabin.export.ExportIssues;
import dev.cabin.testing.Repository;

/** Agents checked against the vehicle they are built for: each lack reported where the source needs it. */
class ProfileCheckTest {

	/* One agent that needs a lot of a vehicle; line numbers matter to the tests. */
	private static final String COMFORT = """
			agent Comfort "Cabin comfort" {
				locales en-US

				intent OpenThat {
					en-US: "open that", "open it", "open this one"
				}

				tool sunroof.set(position: text) "Moves the sunroof" -> actuator Vehicle.Cabin.Sunroof.Switch
				tool shade.set(level: percentage) "Moves the rear shade" -> actuator Vehicle.Cabin.RearShade.Position

				on gaze Cabin.Sunroof within 2 s of voice OpenThat -> call sunroof.set(position: "OPEN")
				on gaze Cabin.RearShade -> flow Shade
				on gesture SwipeLeft -> flow Shade
				on posture Drowsy -> flow Wake
				on touch "sunroof-button" -> flow Shade
				on signal Vehicle.Cabin.Sunroof.Position > 50 -> flow Shade

				flow Shade {
					say en-US "The sunroof is {Vehicle.Cabin.Sunroof.Position} percent open." screen en-US "Sunroof open"
					call shade.set(level: 100)
					end
				}

				flow Wake {
					generate en-US "Suggest a break, briefly."
					handoff to Guide
				}
			}

			agent Guide {
				locales en-US
				intent Help {
					en-US: "help me", "what can you do", "what are you for"
				}
				on voice Help -> flow Explain
				flow Explain {
					say en-US "I can guide you."
					end
				}
			}
			""";

	@TempDir
	Path dir;

	private List<Problem> export(String agent, Path profile, String... agentIds) throws IOException {
		Path source = Files.writeString(dir.resolve("comfort.cabin"), agent);
		CarExport.Result result = new CarExport(CabinSources.standalone(), OnnxModels.encoders(), OnnxModels.files())
				.run(new CarExport.Request(List.of(source), List.of(agentIds), profile, Builds.KEY, "1.0.0"), t -> {
				});
		assertFalse(result.succeeded(), "a package was made despite: " + result.problems());
		return result.problems();
	}

	/** The car-build problems (the language's own warnings left out), one per line: line:column code severity. */
	private static String codesAndLines(List<Problem> problems) {
		String prefix = ExportIssues.class.getPackageName() + ".";
		return String.join("\n", problems.stream().filter(p -> p.code() != null && p.code().startsWith(prefix))
				.map(p -> p.line() + ":" + p.column() + " " + p.code().replace(prefix, "") + " " + p.severity())
				.toList());
	}

	@Test
	void aVehicleWithoutSensorsSignalsActuatorsAndLlmGetsEveryLackReportedAtItsSource() throws IOException {
		List<Problem> problems = export(COMFORT, Builds.LYNX);

		assertEquals("""
				8:2 actuatorMissing ERROR
				9:2 actuatorMissing ERROR
				11:5 sensorMissing ERROR
				11:10 zoneMissing ERROR
				12:5 sensorMissing ERROR
				12:10 zoneMissing ERROR
				13:5 sensorMissing ERROR
				14:5 sensorMissing ERROR
				15:5 sensorMissing ERROR
				16:12 signalMissing ERROR
				19:7 signalMissing ERROR
				19:84 sensorMissing WARNING
				25:3 llmUnavailable ERROR""", codesAndLines(problems));
		assertTrue(problems.stream().allMatch(p -> p.file().equals(dir.resolve("comfort.cabin"))), problems::toString);
		assertTrue(problems.stream().anyMatch(p -> p.message().equals("on gaze needs a gaze tracker, which the Lynx C"
				+ " (EU) does not have")), problems::toString);
	}

	@Test
	void aVehicleWithEverythingButARearShadeGetsOnlyThatReported() throws IOException {
		List<Problem> problems = export(COMFORT, Builds.AURORA);

		assertEquals("""
				9:2 actuatorMissing ERROR
				12:10 zoneMissing ERROR""", codesAndLines(problems));
	}

	@Test
	void aHandoffToAnAgentLeftOutOfThePackageIsReported() throws IOException {
		String withoutShade = COMFORT.replace("\ttool shade.set(level: percentage) \"Moves the rear shade\" -> actuator"
				+ " Vehicle.Cabin.RearShade.Position\n", "").replace("\t\tcall shade.set(level: 100)\n", "")
				.replace("on gaze Cabin.RearShade", "on gaze Cabin.Sunroof");

		List<Problem> problems = export(withoutShade, Builds.AURORA, "Comfort");

		assertEquals("24:3 handoffOutside ERROR", codesAndLines(problems));
	}

	@Test
	void aLocaleTheHeadUnitDoesNotSpeakIsReportedAtTheLocale() throws IOException {
		List<Problem> problems = export(Files.readString(Repository.carGenius()), Builds.LYNX);

		assertTrue(codesAndLines(problems).contains("5:17 localeUnsupported ERROR"), codesAndLines(problems));
		assertTrue(problems.stream().anyMatch(p -> p.message().contains("CarGenius speaks zh-CN, which the Lynx C (EU)"
				+ " does not support")), problems::toString);
	}

	@Test
	void anAgentNamedButAbsentIsReported() throws IOException {
		List<Problem> problems = export(Files.readString(Repository.carGenius()), Builds.AURORA, "Navigator");

		assertEquals("1:1 unknownAgent ERROR", codesAndLines(problems));
	}

	private Path auroraWith(String from, String to) throws IOException {
		Files.createDirectories(dir.resolve("vss"));
		for (String vss : List.of("vss/aurora-s.vspec", "vss/aurora-s-cn.vspec")) {
			Files.copy(Builds.AURORA.resolveSibling(vss), dir.resolve(vss));
		}
		String profile = Files.readString(Builds.AURORA);
		assertTrue(profile.contains(from), from);
		return Files.writeString(dir.resolve("aurora.yaml"), profile.replace(from, to));
	}

	@Test
	void anEngineVersionOutsideTheVehiclesRangeIsReportedAtTheProfile() throws IOException {
		Path profile = auroraWith("engine: \">=0.1.0 <1.0.0\"", "engine: \">=2.0.0 <3.0.0\"");

		List<Problem> problems = export(Files.readString(Repository.carGenius()), profile);

		assertEquals("20:3 engineOutOfRange ERROR", codesAndLines(problems));
		assertEquals(profile, problems.get(0).file());
	}

	@Test
	void agentsNeedingMoreMemoryThanTheBudgetAreReported() throws IOException {
		Path profile = auroraWith("memoryMB: 1024", "memoryMB: 100");

		List<Problem> problems = export(Files.readString(Repository.carGenius()), profile);

		assertEquals("18:3 memoryOverBudget ERROR", codesAndLines(problems));
	}

	@Test
	void aPackageLargerThanTheStorageBudgetIsReported() throws IOException {
		Path profile = auroraWith("storageMB: 64", "storageMB: 1");
		StringBuilder big = new StringBuilder("agent Big {\n\tlocales en-US\n");
		for (int intent = 0; intent < 160; intent++) {
			big.append("\tintent Task").append(intent).append(" {\n\t\ten-US: ");
			for (int example = 0; example < 12; example++) {
				big.append(example == 0 ? "" : ", ").append("\"please run task ").append(intent).append(" in mode ")
						.append(example).append('"');
			}
			big.append("\n\t}\n\ton voice Task").append(intent).append(" -> flow Run").append(intent).append('\n')
					.append("\tflow Run").append(intent).append(" {\n\t\tsay en-US \"Done.\"\n\t\tend\n\t}\n");
		}

		List<Problem> problems = export(big.append("}\n").toString(), profile);

		assertEquals("19:3 storageOverBudget ERROR", codesAndLines(problems));
		assertTrue(problems.stream().anyMatch(p -> p.message().contains("more than the 1 MiB storage budget")),
				problems::toString);
	}
}
