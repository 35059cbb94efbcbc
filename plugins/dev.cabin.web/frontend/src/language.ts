// The Cabin language in Monaco: highlighting, and every feature the language server offers, asked over /lsp.
import * as monaco from './monaco';
import { LspConnection } from './lsp';
import { LspDiagnostic, toCompletion, toHover, toLspPosition, toLspRange, toRange, toTextEdit } from './convert';

export const CABIN = 'cabin';

/** Where documents are: the LSP URI of a model, the model of an LSP URI, and the diagnostics last published. */
export interface Documents {
  uriOf(model: monaco.editor.ITextModel): string;
  modelOf(uri: string): monaco.editor.ITextModel | null;
  diagnosticsOf(uri: string): LspDiagnostic[];
}

export function registerHighlighting(): void {
  monaco.languages.register({ id: CABIN, extensions: ['.cabin'] });
  monaco.languages.setLanguageConfiguration(CABIN, {
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: [['{', '}'], ['(', ')'], ['[', ']']],
    autoClosingPairs: [{ open: '{', close: '}' }, { open: '(', close: ')' }, { open: '"', close: '"' }],
  });
  monaco.languages.setMonarchTokensProvider(CABIN, {
    keywords: ['agent', 'locales', 'intent', 'slot', 'prompt', 'on', 'voice', 'flow', 'ask', 'say', 'branch', 'when',
      'otherwise', 'call', 'end', 'tool', 'handler', 'import', 'entity', 'goto', 'run', 'gaze', 'gesture', 'signal', 'wait',
      'and', 'or', 'not', 'set', 'confirm', 'test', 'expect', 'user'],
    tokenizer: {
      root: [
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/\b(Vehicle)(\.[A-Za-z0-9_]+)+/, 'type'],
        [/[a-z][A-Za-z0-9_]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
        [/[A-Z][A-Za-z0-9_]*/, 'type.identifier'],
        [/\d+(\.\d+)?/, 'number'],
      ],
      comment: [[/\*\//, 'comment', '@pop'], [/./, 'comment']],
    },
  });
}

function edits(workspaceEdit: any, documents: Documents): monaco.languages.WorkspaceEdit {
  const result: monaco.languages.IWorkspaceTextEdit[] = [];
  const add = (uri: string, textEdits: any[]) => {
    const model = documents.modelOf(uri);
    if (model) {
      for (const edit of textEdits) {
        result.push({ resource: model.uri, textEdit: toTextEdit(edit), versionId: undefined });
      }
    }
  };
  for (const [uri, textEdits] of Object.entries(workspaceEdit?.changes ?? {})) add(uri, textEdits as any[]);
  for (const change of workspaceEdit?.documentChanges ?? []) {
    if (change.textDocument) add(change.textDocument.uri, change.edits);
  }
  return { edits: result };
}

const overlaps = (a: monaco.IRange, b: monaco.IRange) =>
  monaco.Range.areIntersectingOrTouching(monaco.Range.lift(a), monaco.Range.lift(b));

export function registerFeatures(server: LspConnection, documents: Documents): void {
  const at = (model: monaco.editor.ITextModel, position: monaco.IPosition) =>
    ({ textDocument: { uri: documents.uriOf(model) }, position: toLspPosition(position) });

  monaco.languages.registerCompletionItemProvider(CABIN, {
    // the server's trigger character (the session's capabilities say so once it has started)
    triggerCharacters: ['.'],
    async provideCompletionItems(model, position) {
      const result: any = await server.request('textDocument/completion', at(model, position));
      const items = Array.isArray(result) ? result : result?.items ?? [];
      const word = model.getWordUntilPosition(position);
      const fallback = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      return { suggestions: items.map((item: any) => toCompletion(item, fallback)), incomplete: !Array.isArray(result) && result?.isIncomplete };
    },
  });
  monaco.languages.registerHoverProvider(CABIN, {
    async provideHover(model, position) {
      return toHover(await server.request('textDocument/hover', at(model, position)));
    },
  });
  monaco.languages.registerDefinitionProvider(CABIN, {
    async provideDefinition(model, position) {
      const result: any = await server.request('textDocument/definition', at(model, position));
      const locations: any[] = result === null ? [] : Array.isArray(result) ? result : [result];
      return locations.flatMap((location) => {
        const target = documents.modelOf(location.uri ?? location.targetUri);
        const range = location.range ?? location.targetSelectionRange;
        return target ? [{ uri: target.uri, range: toRange(range) }] : [];
      });
    },
  });
  monaco.languages.registerRenameProvider(CABIN, {
    async provideRenameEdits(model, position, newName) {
      const result = await server.request('textDocument/rename', { ...at(model, position), newName });
      return edits(result, documents);
    },
  });
  monaco.languages.registerDocumentFormattingEditProvider(CABIN, {
    async provideDocumentFormattingEdits(model, options) {
      const result: any[] | null = await server.request('textDocument/formatting', {
        textDocument: { uri: documents.uriOf(model) }, options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces },
      });
      return (result ?? []).map(toTextEdit);
    },
  });
  monaco.languages.registerCodeActionProvider(CABIN, {
    async provideCodeActions(model, range) {
      const uri = documents.uriOf(model);
      const diagnostics = documents.diagnosticsOf(uri).filter((d) => overlaps(toRange(d.range), range));
      const result: any[] | null = await server.request('textDocument/codeAction', {
        textDocument: { uri }, range: toLspRange(range), context: { diagnostics },
      });
      const actions = (result ?? []).filter((action) => action.edit).map((action) => ({
        title: action.title,
        kind: action.kind ?? 'quickfix',
        edit: edits(action.edit, documents),
        isPreferred: action.isPreferred,
      }));
      return { actions, dispose() {} };
    },
  });
}
