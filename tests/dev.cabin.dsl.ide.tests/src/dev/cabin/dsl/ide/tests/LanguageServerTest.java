package dev.cabin.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.dsl.ide.CabinIdeSetup;

/** The language server, as an LSP client sees it, over real streams. */
class LanguageServerTest {

	static final String CLIMATE = """
			agent Climate {
				locales en-US, zh-CN
				tool hvac.set(temp: temperature) "Sets the driver's temperature" -> handler "hvac.set"
				intent SetTemperature {
					en-US: "set the temperature to {temp}", "make it {temp} degrees", "I want {temp} degrees"
					zh-CN: "把温度调到{temp}", "温度设为{temp}度", "调到{temp}度"
					slot temp: temperature prompt en-US "Which temperature?" zh-CN "调到多少度？"
				}
				on voice SetTemperature -> flow Set
				flow Set {
					ask temp
					branch {
						when Vehicle.Speed > 100 {
							say en-US "Setting {temp} degrees at speed." zh-CN "正在设为{temp}度。"
						}
						otherwise {
							call hvac.set(temp: temp)
							say en-US "Setting {temp} degrees." zh-CN "好的，{temp}度。"
						}
					}
					end
				}
			}
			""";

	@TempDir
	Path workspace;

	private LspSession session;
	private TextDocumentService documents;

	@BeforeEach
	void startTheServer() throws Exception {
		session = LspSession.start(workspace);
		documents = session.server.getTextDocumentService();
	}

	@AfterEach
	void stopTheServer() throws Exception {
		session.close();
	}

	private static Position position(String text, String anchor, int within) {
		int offset = text.indexOf(anchor);
		assertTrue(offset >= 0, "anchor " + anchor);
		offset += within;
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, offset - lineStart);
	}

	private static String apply(String text, List<? extends TextEdit> edits) {
		List<TextEdit> sorted = edits.stream().sorted((a, b) -> compare(b.getRange().getStart(), a.getRange().getStart()))
				.collect(Collectors.toList());
		StringBuilder result = new StringBuilder(text);
		for (TextEdit edit : sorted) {
			result.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()), edit.getNewText());
		}
		return result.toString();
	}

	private static int compare(Position a, Position b) {
		return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
				: Integer.compare(a.getCharacter(), b.getCharacter());
	}

	private static int offset(String text, Position position) {
		int offset = 0;
		for (int line = 0; line < position.getLine(); line++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + position.getCharacter();
	}

	@Test
	void theServerAnnouncesTheServicesOfTheLanguage() {
		var capabilities = session.initialized.getCapabilities();

		assertTrue(capabilities.getCompletionProvider().getTriggerCharacters().contains("."));
		assertTrue(capabilities.getHoverProvider().getLeft());
		assertTrue(capabilities.getDefinitionProvider().getLeft());
		assertTrue(capabilities.getReferencesProvider().getLeft());
		assertTrue(capabilities.getRenameProvider().isRight(), "rename with prepare");
		assertTrue(capabilities.getDocumentFormattingProvider().getLeft());
		assertTrue(capabilities.getCodeActionProvider().getLeft());
		assertTrue(capabilities.getFoldingRangeProvider().getLeft());
		assertTrue(capabilities.getSemanticTokensProvider().getLegend().getTokenTypes().contains("property"));
	}

	@Test
	void openingADocumentPublishesItsProblemsAndAQuickFixRepairsAVssPath() throws Exception {
		String text = CLIMATE.replace("Vehicle.Speed > 100", "Vehicle.Sped > 100");
		String uri = session.open("climate.cabin", text);

		List<Diagnostic> diagnostics = session.diagnostics(uri);

		Diagnostic unknown = diagnostics.stream()
				.filter(d -> "dev.cabin.dsl.unknownVssPath".equals(d.getCode().getLeft())).findFirst().orElseThrow();
		assertEquals(new Range(position(text, "Vehicle.Sped", 0), position(text, "Vehicle.Sped", 12)), unknown.getRange());
		List<Either<Command, CodeAction>> actions = documents.codeAction(new CodeActionParams(LspSession.document(uri),
				unknown.getRange(), new CodeActionContext(List.of(unknown)))).get(30, TimeUnit.SECONDS);
		CodeAction fix = actions.get(0).getRight();
		assertEquals("Change to Vehicle.Speed", fix.getTitle());
		assertTrue(apply(text, fix.getEdit().getChanges().get(uri)).contains("when Vehicle.Speed > 100"));
	}

	@Test
	void diagnosticsSayWhichVersionOfTheOpenDocumentTheyWereBuiltFrom() throws Exception {
		CompletableFuture<PublishDiagnosticsParams> opened = session.client.nextPublishFor(session.uri("climate.cabin"));
		String uri = session.open("climate.cabin", CLIMATE.replace("Vehicle.Speed", "Vehicle.Sped"));
		assertEquals(1, opened.get(60, TimeUnit.SECONDS).getVersion());

		// a client may count on from an earlier opening (Cabin Studio does): its own count comes back
		CompletableFuture<PublishDiagnosticsParams> changed = session.client.nextPublishFor(uri);
		documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 7),
				List.of(new TextDocumentContentChangeEvent(CLIMATE))));
		PublishDiagnosticsParams afterTheChange = changed.get(60, TimeUnit.SECONDS);
		assertEquals(7, afterTheChange.getVersion());
		assertEquals(List.of(), afterTheChange.getDiagnostics());

		// closed without saving, the document is the file on disk again: its problem, of no version
		CompletableFuture<PublishDiagnosticsParams> closed = session.client.nextPublishFor(uri);
		documents.didClose(new DidCloseTextDocumentParams(LspSession.document(uri)));
		PublishDiagnosticsParams fromDisk = closed.get(60, TimeUnit.SECONDS);
		assertNull(fromDisk.getVersion());
		assertEquals(List.of("dev.cabin.dsl.unknownVssPath"),
				fromDisk.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList());
	}

	@Test
	void quickFixesAddAMissingLocaleAndCreateAMissingFlow() throws Exception {
		String text = CLIMATE.replace(" zh-CN \"好的，{temp}度。\"", "").replace("-> flow Set", "-> flow Set\n\ton voice SetTemperature when Vehicle.Speed > 200 -> flow Slow");
		String uri = session.open("climate.cabin", text);
		List<Diagnostic> diagnostics = session.diagnostics(uri);

		Diagnostic missing = diagnostics.stream().filter(d -> "dev.cabin.dsl.missingLocale".equals(d.getCode().getLeft()))
				.findFirst().orElseThrow();
		Diagnostic unresolved = diagnostics.stream().filter(d -> d.getMessage().contains("Slow")).findFirst().orElseThrow();
		List<Either<Command, CodeAction>> actions = documents.codeAction(new CodeActionParams(LspSession.document(uri),
				missing.getRange(), new CodeActionContext(List.of(missing, unresolved)))).get(30, TimeUnit.SECONDS);

		assertEquals(2, actions.size(), actions.toString());
		String withLocale = apply(text, actions.get(0).getRight().getEdit().getChanges().get(uri));
		assertTrue(withLocale.contains("say en-US \"Setting {temp} degrees.\" zh-CN \"Setting {temp} degrees.\""), withLocale);
		String withFlow = apply(text, actions.get(1).getRight().getEdit().getChanges().get(uri));
		assertTrue(withFlow.contains("\tflow Slow {\n\t\tsay \"\"\n\t\tend\n\t}\n}"), withFlow);
	}

	@Test
	void quickFixesRemoveEitherOfTwoExamplesTooCloseToTellApartAndShowBoth() throws Exception {
		String text = CLIMATE.replace("\ton voice SetTemperature -> flow Set", """
					intent Fan {
						en-US: "turn on the fan", "more air", "blow some air"
					}
					intent FanOff {
						en-US: "turn off the fan", "less air", "turn on the fan now"
					}
					on voice SetTemperature -> flow Set""");
		String uri = session.open("climate.cabin", text);

		Diagnostic close = session.diagnostics(uri).stream()
				.filter(d -> "dev.cabin.dsl.closeIntents".equals(d.getCode().getLeft())).findFirst().orElseThrow();
		List<Either<Command, CodeAction>> actions = documents.codeAction(new CodeActionParams(LspSession.document(uri),
				close.getRange(), new CodeActionContext(List.of(close)))).get(30, TimeUnit.SECONDS);

		assertEquals(List.of("Remove \"turn on the fan now\" (close to \"turn on the fan\" of Fan)",
				"Remove \"turn on the fan\" of Fan (close to \"turn on the fan now\")"),
				actions.stream().map(action -> action.getRight().getTitle()).toList());
		assertTrue(apply(text, actions.get(0).getRight().getEdit().getChanges().get(uri))
				.contains("en-US: \"turn off the fan\", \"less air\"\n"));
		assertTrue(apply(text, actions.get(1).getRight().getEdit().getChanges().get(uri))
				.contains("en-US: \"more air\", \"blow some air\"\n"));
	}

	/** The completion proposals at a place of a document, once the server has checked it. */
	private List<CompletionItem> completions(String text, String anchor, int within) throws Exception {
		String uri = session.open("climate.cabin", text);
		session.diagnostics(uri);
		return documents.completion(new CompletionParams(LspSession.document(uri), position(text, anchor, within)))
				.get(30, TimeUnit.SECONDS).getRight().getItems();
	}

	@Test
	void completionProposesVssPathsLevelByLevelWithTheirTypeAndUnit() throws Exception {
		List<CompletionItem> items = completions(CLIMATE.replace("Vehicle.Speed > 100", "Vehicle.Cabin.Sunroof. > 100"),
				"Sunroof. >", 8);

		CompletionItem position = items.stream().filter(i -> i.getLabel().equals("Position")).findFirst().orElseThrow();
		assertEquals("sensor int8 percent", position.getDetail());
		assertEquals("Vehicle.Cabin.Sunroof.Position", position.getTextEdit().getLeft().getNewText());
		assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("Shade")), items.toString());
	}

	/*
	 * In Cabin Studio the workbench sets the language up once more (for its builder and views) after the
	 * in-process server has, and that registers .cabin in EMF's global registry again; the server must still
	 * parse its documents with its own language, which its completion's parser knows.
	 */
	@Test
	void completionProposesVssPathsAfterAnotherSetupOfTheLanguageRegisteredItGlobally() throws Exception {
		new CabinIdeSetup().createInjectorAndDoEMFRegistration();

		List<CompletionItem> items = completions(CLIMATE.replace("Vehicle.Speed > 100", "Vehicle.Cabin.Sunroof. > 100"),
				"Sunroof. >", 8);

		assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("Position")), items.toString());
	}

	@Test
	void completionProposesTheValuesASignalAllows() throws Exception {
		List<CompletionItem> items = completions(CLIMATE.replace("Vehicle.Speed > 100", "Vehicle.Cabin.Sunroof.Switch == \"O\""),
				"== \"O", 5);

		List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
		assertTrue(labels.contains("\"OPEN\"") && labels.contains("\"ONE_SHOT_OPEN\""), labels.toString());
		assertTrue(!labels.contains("\"CLOSE\""), labels.toString());
	}

	@Test
	void completionProposesTheValuesOfAnEntity() throws Exception {
		String text = String.join("\n", "agent Seats {", "\tlocales en-US", "\tentity Seat {",
				"\t\tvalue driver en-US: \"my seat\"", "\t\tvalue passenger en-US: \"the passenger seat\"", "\t}",
				"\ttool seat.heat(seat: Seat) \"Heats a seat\" -> handler \"seat.heat\"", "\tintent Warm {",
				"\t\ten-US: \"warm my seat\", \"heat the seat\", \"seat heating on\"", "\t}",
				"\ton voice Warm -> flow Heat", "\tflow Heat {", "\t\tcall seat.heat(seat: \"p\")", "\t\tsay \"Warming.\"",
				"\t\tend", "\t}", "}", "");

		List<String> labels = completions(text, "seat: \"p", 8).stream().map(CompletionItem::getLabel).toList();

		assertTrue(labels.contains("\"passenger\""), labels.toString());
		assertTrue(!labels.contains("\"driver\""), labels.toString());
	}

	@Test
	void hoversShowSignalFactsAndAnIntentsExamples() throws Exception {
		String uri = session.open("climate.cabin", CLIMATE);
		session.diagnostics(uri);

		Hover signal = documents.hover(new HoverParams(LspSession.document(uri), position(CLIMATE, "Vehicle.Speed", 9)))
				.get(30, TimeUnit.SECONDS);
		Hover intent = documents.hover(new HoverParams(LspSession.document(uri),
				position(CLIMATE, "voice SetTemperature", 8))).get(30, TimeUnit.SECONDS);

		String signalText = signal.getContents().getRight().getValue();
		assertTrue(signalText.contains("Vehicle.Speed") && signalText.contains("sensor") && signalText.contains("km/h"),
				signalText);
		String intentText = intent.getContents().getRight().getValue();
		assertTrue(intentText.contains("make it {temp} degrees") && intentText.contains("调到{temp}度"), intentText);
	}

	@Test
	void definitionLeadsFromAMarkerToItsSlotAndReferencesFindItsUses() throws Exception {
		String uri = session.open("climate.cabin", CLIMATE);
		session.diagnostics(uri);
		Position marker = position(CLIMATE, "{temp} degrees at", 2);

		List<? extends Location> definition = documents.definition(new DefinitionParams(LspSession.document(uri), marker))
				.get(30, TimeUnit.SECONDS).getLeft();
		List<? extends Location> references = documents.references(new ReferenceParams(LspSession.document(uri), marker,
				new ReferenceContext(false))).get(30, TimeUnit.SECONDS);

		assertEquals(position(CLIMATE, "slot temp", 0).getLine(), definition.get(0).getRange().getStart().getLine());
		List<Integer> lines = references.stream().map(l -> l.getRange().getStart().getLine()).distinct().sorted().toList();
		assertTrue(lines.contains(position(CLIMATE, "ask temp", 0).getLine()), lines.toString());
		assertTrue(lines.contains(position(CLIMATE, "call hvac.set(temp: temp)", 0).getLine()), lines.toString());
		assertTrue(lines.contains(position(CLIMATE, "Setting {temp} degrees.\" zh", 0).getLine()), lines.toString());
	}

	@Test
	void renamingASlotRenamesItWhereverItIsNamed() throws Exception {
		String uri = session.open("climate.cabin", CLIMATE);
		session.diagnostics(uri);

		WorkspaceEdit edit = documents.rename(new RenameParams(LspSession.document(uri), position(CLIMATE, "slot temp", 6),
				"celsius")).get(30, TimeUnit.SECONDS);

		List<TextEdit> edits = edit.getChanges() != null ? edit.getChanges().get(uri)
				: edit.getDocumentChanges().get(0).getLeft().getEdits();
		String renamed = apply(CLIMATE, edits);
		assertTrue(renamed.contains("slot celsius: temperature"), renamed);
		assertTrue(renamed.contains("ask celsius"), renamed);
		assertTrue(renamed.contains("call hvac.set(temp: celsius)"), renamed);
		assertTrue(renamed.contains("\"Setting {celsius} degrees.\""), renamed);
		assertTrue(renamed.contains("\"make it {celsius} degrees\""), renamed);
		assertTrue(!renamed.contains("{temp}"), renamed);
	}

	@Test
	void formattingLaysOutTheDocument() throws Exception {
		String cramped = "agent A { locales en-US\nintent Hi { en-US: \"hi\",\"hello\" , \"hey\" }\non voice Hi->flow F\nflow F { say \"Hi!\" end } }\n";
		String uri = session.open("cramped.cabin", cramped);
		session.diagnostics(uri);

		List<? extends TextEdit> edits = documents.formatting(new DocumentFormattingParams(LspSession.document(uri),
				new FormattingOptions(4, false))).get(30, TimeUnit.SECONDS);

		assertEquals("""
				agent A {
					locales en-US
					intent Hi {
						en-US: "hi", "hello", "hey"
					}
					on voice Hi -> flow F
					flow F {
						say "Hi!"
						end
					}
				}
				""", apply(cramped, edits));
	}

	@Test
	void theOutlineFoldingAndSemanticTokensDescribeTheDocument() throws Exception {
		String uri = session.open("climate.cabin", CLIMATE);
		session.diagnostics(uri);

		List<Either<SymbolInformation, DocumentSymbol>> symbols = documents.documentSymbol(
				new DocumentSymbolParams(LspSession.document(uri))).get(30, TimeUnit.SECONDS);
		List<FoldingRange> folding = documents.foldingRange(new FoldingRangeRequestParams(LspSession.document(uri)))
				.get(30, TimeUnit.SECONDS);
		SemanticTokens tokens = documents.semanticTokensFull(new SemanticTokensParams(LspSession.document(uri)))
				.get(30, TimeUnit.SECONDS);

		DocumentSymbol agent = symbols.get(0).getRight();
		assertEquals("Climate", agent.getName());
		List<String> children = agent.getChildren().stream().map(DocumentSymbol::getName).toList();
		assertTrue(children.containsAll(List.of("hvac.set", "SetTemperature", "on voice SetTemperature", "Set")), children.toString());
		int flowLine = position(CLIMATE, "flow Set {", 0).getLine();
		assertTrue(folding.stream().anyMatch(f -> f.getStartLine() == flowLine), folding.toString());
		List<String> legend = session.initialized.getCapabilities().getSemanticTokensProvider().getLegend().getTokenTypes();
		assertTrue(decode(tokens.getData(), legend).contains(position(CLIMATE, "Vehicle.Speed", 0).getLine() + ":"
				+ position(CLIMATE, "Vehicle.Speed", 0).getCharacter() + ":13:property"), decode(tokens.getData(), legend).toString());
	}

	/** Semantic tokens as line:character:length:type. */
	private static List<String> decode(List<Integer> data, List<String> legend) {
		List<String> tokens = new java.util.ArrayList<>();
		int line = 0;
		int character = 0;
		for (int i = 0; i < data.size(); i += 5) {
			line += data.get(i);
			character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
			tokens.add(line + ":" + character + ":" + data.get(i + 2) + ":" + legend.get(data.get(i + 3)));
		}
		return tokens;
	}
}
