package dev.cabin.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.dsl.load.Problem;
import dev.cabin.export.ExportIssues;
import dev.cabin.export.profile.ProfileReader;
import dev.cabin.export.profile.VehicleProfile;

class ProfileReaderTest {

	private static final String VALID = """
			format: 1
			id: test-car
			vehicle:
			  model: Test Car
			  market: EU
			headUnit:
			  display: true
			  microphoneZones: [driver]
			  locales: [en-US]
			  memoryMB: 512
			  storageMB: 16
			  engine: ">=0.1.0 <1.0.0"
			signals:
			  sensors: [Vehicle.Speed]
			""";

	@TempDir
	Path dir;

	private ProfileReader.Result read(String text) throws IOException {
		return new ProfileReader().read(Files.writeString(dir.resolve("profile.yaml"), text));
	}

	private static Problem only(ProfileReader.Result result) {
		assertNull(result.profile());
		assertEquals(1, result.problems().size(), result.problems().toString());
		return result.problems().get(0);
	}

	@Test
	void theExampleProfilesRead() {
		ProfileReader.Result aurora = new ProfileReader().read(Builds.AURORA);
		assertEquals(List.of(), aurora.problems());
		VehicleProfile profile = aurora.profile();
		assertEquals("aurora-s-cn", profile.id());
		assertTrue(profile.headUnit().gazeTracker());
		assertTrue(profile.signals().actuator("Vehicle.Cabin.Sunroof.Switch"));
		assertFalse(profile.signals().actuator("Vehicle.Cabin.Sunroof.Position"), "a sensor in VSS");
		assertFalse(profile.signals().has("Vehicle.Cabin.RearShade"), "deleted by the market overlay");
		assertTrue(profile.signals().actuator("Vehicle.Cabin.Seat.Row2.DriverSide.Massage.Level"), "added by it");

		ProfileReader.Result lynx = new ProfileReader().read(Builds.LYNX);
		assertEquals(List.of(), lynx.problems());
		assertFalse(lynx.profile().headUnit().display());
		assertTrue(lynx.profile().signals().readable("Vehicle.Speed"));
	}

	@Test
	void anUnknownKeyIsReportedWhereItIsWithTheKeyMeant() throws IOException {
		Problem problem = only(read(VALID.replace("  display: true", "  display: true\n  gazeTraker: true")));

		assertEquals(ExportIssues.PROFILE_UNKNOWN_KEY, problem.code());
		assertEquals(8, problem.line());
		assertEquals(3, problem.column());
		assertTrue(problem.message().contains("did you mean \"gazeTracker\""), problem.message());
	}

	@Test
	void missingFieldsAreEachReported() throws IOException {
		ProfileReader.Result result = read(VALID.replace("  market: EU\n", "").replace("  locales: [en-US]\n", ""));

		assertNull(result.profile());
		assertEquals(List.of(ExportIssues.PROFILE_MISSING_FIELD, ExportIssues.PROFILE_MISSING_FIELD),
				result.problems().stream().map(Problem::code).toList());
		assertTrue(result.problems().get(0).message().contains("vehicle.market"), result.problems().toString());
		assertTrue(result.problems().get(1).message().contains("headUnit.locales"), result.problems().toString());
	}

	@Test
	void aProfileWithoutAnySectionNamesAllRequiredOnes() throws IOException {
		ProfileReader.Result result = read("format: 1\n");

		assertEquals(List.of("id", "vehicle", "headUnit", "signals"), result.problems().stream()
				.map(p -> p.message().replaceAll("missing \"([^\"]+)\".*", "$1")).toList());
	}

	@Test
	void valuesOfTheWrongKindAreReportedAtTheirLine() throws IOException {
		ProfileReader.Result result = read(VALID.replace("display: true", "display: maybe")
				.replace("memoryMB: 512", "memoryMB: -5").replace("[en-US]", "[english]")
				.replace("\">=0.1.0 <1.0.0\"", "newest"));

		assertNull(result.profile());
		assertEquals(List.of(7, 9, 10, 12), result.problems().stream().map(Problem::line).sorted().toList(),
				result.problems().toString());
		assertTrue(result.problems().stream().allMatch(p -> p.code().equals(ExportIssues.PROFILE_BAD_VALUE)));
	}

	@Test
	void aDuplicateKeyIsReported() throws IOException {
		Problem problem = only(read(VALID.replace("  memoryMB: 512", "  memoryMB: 512\n  memoryMB: 1024")));

		assertEquals(ExportIssues.PROFILE_DUPLICATE_KEY, problem.code());
		assertEquals(11, problem.line());
	}

	@Test
	void brokenYamlIsReportedAtItsLine() throws IOException {
		Problem problem = only(read(VALID.replace("  locales: [en-US]", "  locales: [en-US")));

		assertEquals(ExportIssues.PROFILE_SYNTAX, problem.code());
		assertTrue(problem.line() >= 9, problem.format());
	}

	@Test
	void anUnknownFormatVersionIsRefused() throws IOException {
		assertEquals(ExportIssues.PROFILE_BAD_VALUE, only(read(VALID.replace("format: 1", "format: 7"))).code());
	}

	@Test
	void emptyAndBinaryFilesAreReportedNotThrown() throws IOException {
		assertEquals(ExportIssues.PROFILE_SYNTAX, only(read("")).code());
		Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1 });
		ProfileReader.Result result = new ProfileReader().read(binary);
		assertEquals(ExportIssues.PROFILE_SYNTAX, result.problems().get(0).code());
		assertEquals(ExportIssues.PROFILE_SYNTAX,
				new ProfileReader().read(dir.resolve("missing.yaml")).problems().get(0).code());
	}

	@Test
	void aVssTreeExportedAsJsonIsRead() throws IOException {
		Files.writeString(dir.resolve("tree.json"), """
				{"Vehicle": {"type": "branch", "children": {
				  "Speed": {"type": "sensor", "datatype": "float", "unit": "km/h"},
				  "Cabin": {"type": "branch", "children": {
				    "Sunroof": {"type": "branch", "children": {
				      "Switch": {"type": "actuator", "datatype": "string"}}}}}}}}
				""");

		VehicleProfile profile = read(VALID.replace("  sensors: [Vehicle.Speed]", "  tree: tree.json")).profile();

		assertNotNull(profile);
		assertTrue(profile.signals().readable("Vehicle.Speed"));
		assertTrue(profile.signals().actuator("Vehicle.Cabin.Sunroof.Switch"));
		assertTrue(profile.signals().has("Vehicle.Cabin"));
	}

	@Test
	void aVspecTreeWithIncludesAndInstancesIsExpanded() throws IOException {
		Files.createDirectories(dir.resolve("Cabin"));
		Files.writeString(dir.resolve("Cabin/Cabin.vspec"), """
				Seat:
				  type: branch
				  instances: ["Row[1,2]"]
				Seat.Heating:
				  type: actuator
				  datatype: int8
				""");
		Files.writeString(dir.resolve("tree.vspec"), """
				Vehicle:
				  type: branch
				Vehicle.Cabin:
				  type: branch
				#include Cabin/Cabin.vspec Vehicle.Cabin
				""");

		VehicleProfile profile = read(VALID.replace("  sensors: [Vehicle.Speed]", "  tree: tree.vspec")).profile();

		assertNotNull(profile);
		assertTrue(profile.signals().actuator("Vehicle.Cabin.Seat.Row2.Heating"));
		assertFalse(profile.signals().has("Vehicle.Cabin.Seat.Heating"), "only in its instances");
	}

	@Test
	void problemsOfAVspecTreeAreReportedAtTheirLine() throws IOException {
		Files.writeString(dir.resolve("tree.vspec"), """
				Vehicle:
				  type: branch
				#include Cabin/Cabin.vspec Vehicle.Cabin
				Vehicle.Cabin.Seat:
				  type: branch
				  instances: ["Row[1,2]"]
				""");

		ProfileReader.Result result = read(VALID.replace("  sensors: [Vehicle.Speed]", "  tree: tree.vspec"));

		assertEquals(List.of(3, 4), result.problems().stream().map(Problem::line).toList(), result.problems()::toString);
		assertTrue(result.problems().get(0).message().contains("cannot find the included file Cabin/Cabin.vspec"));
		assertTrue(result.problems().get(1).message().contains("no branch Vehicle.Cabin"));
		assertTrue(result.problems().stream().allMatch(p -> p.code().equals(ExportIssues.PROFILE_SIGNAL_FILE)));
		assertEquals(dir.resolve("tree.vspec"), result.problems().get(0).file().toAbsolutePath());
	}

	@Test
	void theProfilesHashCoversTheVssFilesItNames() throws IOException {
		String speed = "Vehicle:\n  type: branch\nVehicle.Speed:\n  type: sensor\n  datatype: float\n";
		Path tree = Files.writeString(dir.resolve("tree.vspec"), speed);
		String profile = VALID.replace("  sensors: [Vehicle.Speed]", "  tree: tree.vspec");
		String before = read(profile).profile().sha256();

		Files.writeString(tree, speed + "Vehicle.TraveledDistance:\n  type: sensor\n  datatype: uint32\n");

		assertNotEquals(before, read(profile).profile().sha256());
		assertEquals(read(profile).profile().sha256(), read(profile).profile().sha256());
	}

	@Test
	void aMissingTreeFileIsReported() throws IOException {
		ProfileReader.Result result = read(VALID.replace("  sensors: [Vehicle.Speed]", "  tree: nowhere.json"));

		assertEquals(ExportIssues.PROFILE_SIGNAL_FILE, only(result).code());
	}
}
