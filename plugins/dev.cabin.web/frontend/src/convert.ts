// Between the Language Server Protocol's shapes (0-based lines and characters) and Monaco's (1-based).
import * as monaco from './monaco';

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }
export interface LspTextEdit { range: LspRange; newText: string }
export interface LspDiagnostic { range: LspRange; severity?: number; code?: string | number; source?: string; message: string }

export const toLspPosition = (position: monaco.IPosition): LspPosition =>
  ({ line: position.lineNumber - 1, character: position.column - 1 });

export const toLspRange = (range: monaco.IRange): LspRange => ({
  start: { line: range.startLineNumber - 1, character: range.startColumn - 1 },
  end: { line: range.endLineNumber - 1, character: range.endColumn - 1 },
});

export const toRange = (range: LspRange): monaco.IRange => ({
  startLineNumber: range.start.line + 1, startColumn: range.start.character + 1,
  endLineNumber: range.end.line + 1, endColumn: range.end.character + 1,
});

export const toTextEdit = (edit: LspTextEdit): monaco.languages.TextEdit => ({ range: toRange(edit.range), text: edit.newText });

const SEVERITIES = [monaco.MarkerSeverity.Error, monaco.MarkerSeverity.Warning, monaco.MarkerSeverity.Info, monaco.MarkerSeverity.Hint];

export const toMarker = (diagnostic: LspDiagnostic): monaco.editor.IMarkerData => ({
  ...toRange(diagnostic.range),
  severity: SEVERITIES[(diagnostic.severity ?? 1) - 1] ?? monaco.MarkerSeverity.Error,
  message: diagnostic.message,
  code: diagnostic.code === undefined ? undefined : String(diagnostic.code),
  source: diagnostic.source,
});

// LSP's CompletionItemKind numbers 1..25, by Monaco's names
const KINDS = ['Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module',
  'Property', 'Unit', 'Value', 'Enum', 'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember',
  'Constant', 'Struct', 'Event', 'Operator', 'TypeParameter'] as const;

export function toCompletion(item: any, fallback: monaco.IRange): monaco.languages.CompletionItem {
  const kinds = monaco.languages.CompletionItemKind as unknown as Record<string, number>;
  const edit = item.textEdit;
  const range = edit ? toRange(edit.range ?? edit.replace) : fallback;
  return {
    label: item.label,
    kind: kinds[KINDS[(item.kind ?? 1) - 1] ?? 'Text'],
    detail: item.detail,
    documentation: toMarkdown(item.documentation),
    insertText: edit ? edit.newText : item.insertText ?? item.label,
    insertTextRules: item.insertTextFormat === 2 ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
    range,
    sortText: item.sortText,
    // Monaco filters by the text from the edit's start to the cursor: "Vehicle.Cabin." for a proposal labelled
    // "Sunroof" whose edit replaces the whole path, so the path is what must match.
    filterText: item.filterText ?? (edit ? edit.newText : undefined),
    additionalTextEdits: item.additionalTextEdits?.map(toTextEdit),
  };
}

export function toMarkdown(content: any): monaco.IMarkdownString | undefined {
  if (content === undefined || content === null) return undefined;
  if (typeof content === 'string') return { value: content };
  if ('kind' in content) return { value: content.kind === 'markdown' ? content.value : '```\n' + content.value + '\n```' };
  return { value: '```' + (content.language ?? '') + '\n' + content.value + '\n```' };
}

export function toHover(hover: any): monaco.languages.Hover | null {
  if (!hover) return null;
  const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return {
    contents: contents.map(toMarkdown).filter((content: unknown) => content !== undefined),
    range: hover.range ? toRange(hover.range) : undefined,
  };
}
