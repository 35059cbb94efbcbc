package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Ask;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.CallStep;
import dev.cabin.dsl.cabin.EntityValueType;
import dev.cabin.dsl.cabin.Handoff;

class ScopingTest {

	@TempDir
	Path dir;

	private static final String GENIUS = """
			agent CarGenius {
				locales en-US
				intent WarningLight {
					en-US: "what does this light mean", "a warning light came on", "explain the warning"
				}
				on voice WarningLight -> flow Explain
				flow Explain {
					say "The engine light means a check is due soon."
					end
				}
			}
			""";

	private static final String TRAVEL = """
			%s
			agent Travel {
				locales en-US
				intent Light {
					en-US: "there's a light on the dash", "what's that light", "a lamp came on"
				}
				on voice Light -> flow Ask
				flow Ask {
					say "Let me ask the car genius."
					handoff to CarGenius with WarningLight
				}
			}
			""";

	@Test
	void aHandoffReachesAnAgentInAnImportedFileAndItsIntent() {
		Checked.write(dir, "car-genius.cabin", GENIUS);
		Path travel = Checked.write(dir, "travel.cabin", TRAVEL.formatted("import \"car-genius.cabin\""));

		Checked checked = Checked.files(travel);

		assertEquals(List.of(), checked.codes(), checked.toString());
		Handoff handoff = EcoreUtil2.getAllContentsOfType(checked.result.files().get(0), Handoff.class).get(0);
		assertEquals("CarGenius", handoff.getAgent().getName());
		assertSame(handoff.getAgent(), handoff.getIntent().eContainer());
	}

	@Test
	void aReferenceIntoAnotherFileFindsThatFilesNewModelAfterItIsEdited() throws IOException {
		Checked.write(dir, "car-genius.cabin", GENIUS);
		Path travel = Checked.write(dir, "travel.cabin", TRAVEL.formatted("import \"car-genius.cabin\""));
		Handoff handoff = EcoreUtil2.getAllContentsOfType(Checked.files(travel).result.files().get(0), Handoff.class).get(0);
		XtextResource genius = (XtextResource) handoff.getIntent().eResource();

		genius.reparse(GENIUS.replace("\"explain the warning\"", "\"explain the warning\", \"why is it lit\""));

		Agent edited = ((CabinFile) genius.getContents().get(0)).getAgents().get(0);
		assertSame(edited, handoff.getAgent());
		assertSame(edited.getIntents().get(0), handoff.getIntent());
	}

	@Test
	void withoutTheImportTheOtherFileIsNotVisibleEvenWhenLoadedTogether() {
		Path genius = Checked.write(dir, "car-genius.cabin", GENIUS);
		Path travel = Checked.write(dir, "travel.cabin", TRAVEL.formatted(""));

		Checked checked = Checked.files(genius, travel);

		List<String> unresolved = checked.codesOf(Diagnostic.LINKING_DIAGNOSTIC);
		assertTrue(!unresolved.isEmpty() && unresolved.stream().allMatch(c -> c.startsWith("10:")), checked.toString());
	}

	@Test
	void askFindsASlotOfAnyIntentByItsSimpleNameAndToolsAreFoundByTheirDottedNames() {
		Checked checked = Checked.source(dir, """
				agent Climate {
					locales en-US
					tool hvac.set(temp: temperature) "Sets the temperature" -> handler "hvac"
					intent SetTemperature {
						en-US: "set the temperature", "change the temperature", "make it warmer"
						slot temp: temperature prompt "To what temperature?"
					}
					on voice SetTemperature -> flow Set
					flow Set {
						ask temp
						call hvac.set(temp: temp)
						say "Set to {temp}."
						end
					}
				}
				""");

		assertEquals(List.of(), checked.codes(), checked.toString());
		Ask ask = EcoreUtil2.getAllContentsOfType(checked.result.files().get(0), Ask.class).get(0);
		assertEquals("SetTemperature", ((dev.cabin.dsl.cabin.Intent) ask.getSlot().eContainer()).getName());
		CallStep call = EcoreUtil2.getAllContentsOfType(checked.result.files().get(0), CallStep.class).get(0);
		assertEquals("hvac.set", call.getCall().getTool().getName());
	}

	@Test
	void entitiesAndToolsDeclaredOutsideAgentsAreSharedByTheFilesThatImportThem() {
		Checked.write(dir, "shared.cabin", """
				entity Seat {
					value driver en-US: "my seat"
					value passenger en-US: "the passenger seat"
				}
				tool seat.heat(seat: Seat, level: number) "Heats a seat" -> handler "seat.heat"
				""");
		Path agentFile = Checked.write(dir, "comfort.cabin", """
				import "shared.cabin"
				agent Comfort {
					locales en-US
					intent HeatSeat {
						en-US: "heat {seat}", "warm up {seat=my seat}", "turn on the heating of {seat}"
						slot seat: Seat
					}
					on voice HeatSeat -> flow Heat
					flow Heat {
						call seat.heat(seat: seat, level: 2)
						say "Heating."
						end
					}
				}
				""");

		Checked checked = Checked.files(agentFile);

		assertEquals(List.of(), checked.codes(), checked.toString());
		EntityValueType type = EcoreUtil2.getAllContentsOfType(checked.result.files().get(0), EntityValueType.class).get(0);
		assertEquals("Seat", type.getEntity().getName());
		Agent agent = checked.result.files().get(0).getAgents().get(0);
		assertTrue(agent.getIntents().get(0).getSlots().get(0).getType() instanceof EntityValueType);
	}
}
