package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import dev.cabin.dsl.CabinStandaloneSetup;
import dev.cabin.dsl.validation.CabinIssueCodes;

/**
 * The warning about intents too close to tell apart while a file is edited in an editor: the same document is
 * re-parsed and validated after each change, and the validator remembers the examples of the last validation
 * to look again only at what changed. After every change the warnings (where, what they say, what the quick fix
 * gets) are those of a fresh validation of the same text.
 */
class CloseIntentsWhileEditingTest {

	private static final Injector INJECTOR = new CabinStandaloneSetup().createInjectorAndDoEMFRegistration();

	/* Intents whose examples are close to none of the others', so that changes land among many examples. */
	private static final String OTHERS = IntStream.range(0, 12)
			.mapToObj(i -> "\tintent Topic" + i + " {\n\t\ten-US: \"tell me about topic " + i + "\", \"what is topic " + i
					+ "\", \"explain topic " + i + " to me\", \"how does topic " + i + " work\"\n\t}\n")
			.collect(Collectors.joining());

	private static final String AGENT = """
			agent Home {
				locales en-US, zh-CN
			OTHERS	intent Lights {
					en-US: "turn on the lights", "make it bright in here"
					zh-CN: "打开灯"
				}
				intent Glow {
					en-US: "please turn on the lights", "a warm glow"
				}
				intent Fan {
					en-US: "turn on the fan", "cool me down"
					zh-CN: "打开风扇"
				}
			}
			""".replace("OTHERS", OTHERS);

	private final Editor editor = new Editor();

	@Test
	void anExampleAddedCloseToAnotherIntentsIsWarnedAboutUntilItIsEditedAway() {
		assertEquals(List.of("close: \"please turn on the lights\" ~ \"turn on the lights\" of Lights"),
				editor.type(AGENT));

		List<String> added = editor.type(AGENT.replace("\"turn on the fan\"", "\"turn on the fan\", \"turn on the lights now\""));
		assertEquals(List.of("close: \"please turn on the lights\" ~ \"turn on the lights\" of Lights",
				"close: \"turn on the lights now\" ~ \"turn on the lights\" of Lights"), added);

		assertEquals(List.of("close: \"please turn on the lights\" ~ \"turn on the lights\" of Lights"),
				editor.type(AGENT.replace("\"turn on the fan\"", "\"turn on the fan\", \"turn on the fan now\"")));
	}

	@Test
	void deletingTheClosestExampleNamesTheNextClosest() {
		String three = AGENT.replace("\"cool me down\"", "\"cool me down\", \"turn on the lights now please\"");
		assertEquals(List.of("close: \"please turn on the lights\" ~ \"turn on the lights\" of Lights",
				"close: \"turn on the lights now please\" ~ \"please turn on the lights\" of Glow"), editor.type(three));

		assertEquals(List.of("close: \"turn on the lights now please\" ~ \"turn on the lights\" of Lights"),
				editor.type(three.replace("\"please turn on the lights\", ", "")));

		assertEquals(List.of(), editor.type(three.replace("\"please turn on the lights\", ", "")
				.replace("\"turn on the lights\", ", "")));
	}

	@Test
	void anEditedEarlierExampleBecomesTheClosestOfALaterOne() {
		String later = AGENT.replace("\"cool me down\"", "\"cool me down\", \"switch the lights on now\"");
		assertEquals(List.of("close: \"please turn on the lights\" ~ \"turn on the lights\" of Lights"), editor.type(later));

		assertEquals(List.of("close: \"please turn on the lights\" ~ \"turn on the lights\" of Lights",
				"close: \"switch the lights on now\" ~ \"switch the lights on\" of Glow"),
				editor.type(later.replace("\"a warm glow\"", "\"switch the lights on\"")));
	}

	@Test
	void renamingAnIntentRenamesItInTheWarnings() {
		editor.type(AGENT);

		assertEquals(List.of("close: \"please turn on the lights\" ~ \"turn on the lights\" of Brightness"),
				editor.type(AGENT.replace("intent Lights", "intent Brightness")));
	}

	@Test
	void twoIntentsOfOneNameAreStillTwoIntents() {
		editor.type(AGENT);

		assertEquals(List.of("close: \"please turn on the lights\" ~ \"turn on the lights\" of Lights"),
				editor.type(AGENT.replace("intent Glow", "intent Lights")));
	}

	@Test
	void reorderedIntentsMoveTheWarningToTheLaterExample() {
		editor.type(AGENT);
		String glowFirst = AGENT.replace("\tintent Glow {\n\t\ten-US: \"please turn on the lights\", \"a warm glow\"\n\t}\n", "")
				.replace("\tintent Lights {", "\tintent Glow {\n\t\ten-US: \"please turn on the lights\", \"a warm glow\"\n\t}\n"
						+ "\tintent Lights {");

		assertEquals(List.of("close: \"turn on the lights\" ~ \"please turn on the lights\" of Glow"), editor.type(glowFirst));

		// many examples moved at once: the validator starts over
		assertEquals(List.of("close: \"turn on the lights\" ~ \"please turn on the lights\" of Glow"),
				editor.type(glowFirst.replace(OTHERS, "") + "\n"));
	}

	@Test
	void chineseExamplesAreFollowedInTheirOwnLocale() {
		editor.type(AGENT);

		assertEquals(List.of("close: \"please turn on the lights\" ~ \"turn on the lights\" of Lights",
				"close: \"打开灯吧\" ~ \"打开灯\" of Lights"), editor.type(AGENT.replace("\"打开风扇\"", "\"打开风扇\", \"打开灯吧\"")));
	}

	@Test
	void anAgentWrittenOneExampleAtATimeIsWarnedAboutAsAWholeOne() {
		List<String> warnings = List.of();
		for (int written = 0; written <= 60; written++) {
			int count = written;
			String examples = IntStream.range(0, count)
					.mapToObj(i -> "\tintent Step" + i + " {\n\t\ten-US: \"" + (i % 10 == 9 ? "please turn on the lights"
							: i % 10 == 4 ? "turn on the lights" : "tell me about topic " + i) + "\"\n\t}\n")
					.collect(Collectors.joining());
			warnings = editor.type("agent Home {\n\tlocales en-US\n" + examples + "}\n");
		}

		// from Step9 on, each example of the two is close to the other one's first-written example (the same
		// words in another intent are ambiguous, not close): equally close ones name the first-written
		List<String> expected = IntStream.iterate(9, i -> i < 60, i -> i + 5)
				.mapToObj(i -> i % 10 == 9 ? "close: \"please turn on the lights\" ~ \"turn on the lights\" of Step4"
						: "close: \"turn on the lights\" ~ \"please turn on the lights\" of Step9")
				.toList();
		assertEquals(expected, warnings);
	}

	/** One document edited over and over, as in an editor; each change is also validated afresh to compare. */
	private static final class Editor {

		private static int freshFiles;

		private final XtextResource document = resource("memory:/editing/home.cabin", "");

		private final IResourceValidator validator = INJECTOR.getInstance(IResourceValidator.class);

		/** The close-intents warnings after the document's text became this, checked against a fresh validation. */
		List<String> type(String text) {
			try {
				document.reparse(text);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			List<String> fresh = closeIntents(resource("memory:/fresh/" + freshFiles++ + "/home.cabin", text));
			List<String> edited = closeIntents(document);
			assertEquals(fresh, edited, "the warnings while editing are those of a fresh validation");
			return edited.stream().map(Editor::summary).toList();
		}

		private List<String> closeIntents(XtextResource resource) {
			return validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
					.filter(issue -> CabinIssueCodes.CLOSE_INTENTS.equals(issue.getCode()))
					.map(issue -> issue.getLineNumber() + ":" + issue.getColumn() + " " + issue.getMessage() + " "
							+ String.join(",", issue.getData()))
					.toList();
		}

		/* The warning as "close: EXAMPLE ~ CLOSEST of INTENT", from its quick fix's data and its message. */
		private static String summary(String warning) {
			String message = warning.substring(warning.indexOf(' ') + 1);
			String example = message.substring(0, message.indexOf(" is close to "));
			String rest = message.substring(message.indexOf(" is close to ") + " is close to ".length());
			return "close: " + example + " ~ " + rest.substring(0, rest.indexOf(" ("));
		}

		private static XtextResource resource(String uri, String text) {
			XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);
			XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI(uri));
			try {
				resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
						Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return resource;
		}
	}
}
