package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.ExceptionAcceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Injector;
import com.google.inject.Provider;

import dev.cabin.dsl.CabinStandaloneSetup;
import dev.cabin.testing.Repository;

class FormatterTest {

	private static final Injector INJECTOR = new CabinStandaloneSetup().createInjectorAndDoEMFRegistration();

	static String format(String text) {
		XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("memory:/format.cabin"));
		try {
			resource.load(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
					java.util.Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		assertEquals(List.of(), resource.getErrors(), "the text to format parses");
		ITextRegionAccess regions = INJECTOR.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create();
		FormatterRequest request = INJECTOR.getInstance(FormatterRequest.class);
		request.setTextRegionAccess(regions);
		// a rule that contradicts another fails the test (Studio's log would get an error each time)
		request.setExceptionHandler(ExceptionAcceptor.THROWING);
		Provider<IFormatter2> formatter = INJECTOR.getProvider(IFormatter2.class);
		List<ITextReplacement> replacements = formatter.get().format(request);
		return regions.getRewriter().renderToString(replacements);
	}

	@Test
	void aCrampedAgentIsLaidOutOneMemberPerLineWithTabs() {
		String formatted = format("""
				agent   Climate "Climate" { locales en-US , zh-CN
				  intent SetTemperature { en-US : "set it to {temp}","make it {temp}" , "{temp} please"
				slot temp : temperature }
				on voice SetTemperature->flow Set
				// what happens
				flow Set { call hvac.set ( temp : temp ) say en-US "Done."   zh-CN "好的。" end }
				policy driving when Vehicle.Speed>0 { max words 20 ; no screen text }
				}
				""");

		assertEquals("""
				agent Climate "Climate" {
					locales en-US, zh-CN
					intent SetTemperature {
						en-US: "set it to {temp}", "make it {temp}", "{temp} please"
						slot temp: temperature
					}
					on voice SetTemperature -> flow Set
					// what happens
					flow Set {
						call hvac.set(temp: temp)
						say en-US "Done." zh-CN "好的。"
						end
					}
					policy driving when Vehicle.Speed > 0 {
						max words 20;
						no screen text
					}
				}
				""", formatted);
	}

	@Test
	void lineBreaksInsideTextListsStayAsIndentedContinuationLines() {
		String expected = """
				agent A {
					locales en-US, zh-CN
					intent Hi {
						en-US: "hello", "hi",
							"good morning"
					}
					on voice Hi -> flow F
					flow F {
						say en-US "Hello."
							zh-CN "你好。"
						end
					}
				}
				""";

		assertEquals(expected, format(expected.replace("\t", "")), "the same lines, without indentation");
	}

	static Stream<Path> examples() throws IOException {
		return Stream.concat(cabinFiles(Repository.file("examples")), cabinFiles(Repository.file("tests/dev.cabin.dsl.tests/issues")))
				.filter(p -> !p.getFileName().toString().matches("notUtf8.cabin|nestingTooDeep.cabin|broken.cabin"));
	}

	private static Stream<Path> cabinFiles(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(p -> p.toString().endsWith(".cabin") && Files.isRegularFile(p)).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("examples")
	void formattingIsIdempotentAndKeepsEveryComment(Path example) throws IOException {
		String source = Files.readString(example);

		String once = format(source);
		String twice = format(once);

		assertEquals(once, twice);
		List<String> comments = source.lines().filter(l -> l.contains("//")).map(l -> l.substring(l.indexOf("//")).strip())
				.toList();
		for (String comment : comments) {
			assertTrue(once.contains(comment), "kept: " + comment);
		}
	}
}
