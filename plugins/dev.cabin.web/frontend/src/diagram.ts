// The flow diagram beside the editor: an Eclipse GLSP client on /glsp showing the active file's flows, laid out by
// the server. The text is the one source of truth: the diagram follows the editor's text, and a graphical edit
// comes back from the server as text edits that the editor applies as one undoable change.
import 'reflect-metadata';
import { Container } from 'inversify';
import {
  BaseJsonrpcGLSPClient, ConsoleLogger, FitToScreenAction,
  DiagramLoader, FeatureModule, GLabel, GLabelView, GLSPActionDispatcher, GLSPWebSocketProvider, GModelElement,
  GModelRoot, GNode, IActionHandler, LogLevel, RequestModelAction, RoundedCornerNodeView, SelectAction, SelectionService,
  TYPES, bindOrRebind, configureActionHandler, configureDefaultModelElements, configureModelElement,
  createDiagramOptionsModule, initializeDiagramContainer, toolPaletteModule,
} from '@eclipse-glsp/client';
import type * as monaco from './monaco';
import { DiagramEditBar } from './diagram-edits';
import './diagram.css';
import { StepPath, TURN_PATH_EVENT, TurnPath } from './turn-path';

const DIAGRAM_TYPE = 'cabin-flows';
const CLIENT_ID = 'cabin-diagram';
const APPLY_TEXT_EDITS = 'cabinApplyTextEdits';
const UPDATE_DOCUMENT = 'cabinUpdateDocument';
const SERVER_MESSAGE = 'message';
const HIGHLIGHT = 'cabin-visited';

/** What the diagram needs of the workbench. */
export interface DiagramHost {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  activePath(): string | null;
  status(text: string, problem?: boolean): void;
}

interface ServerMessage { message: string }

/* A range as Monaco's editor takes it; this script has Monaco's types only, its code is in the page's first script. */
const between = (start: monaco.IPosition, end: monaco.IPosition): monaco.IRange =>
  ({ startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column });

interface TextEdits { kind: string; path: string; description: string; edits: { offset: number; length: number; text: string }[];
  selectionOffset: number; selectionLength: number }

const cabinDiagramModule = new FeatureModule((bind, unbind, isBound, rebind) => {
  const context = { bind, unbind, isBound, rebind };
  bindOrRebind(context, TYPES.ILogger).to(ConsoleLogger).inSingletonScope();
  bindOrRebind(context, TYPES.LogLevel).toConstantValue(LogLevel.warn);
  configureDefaultModelElements(context);
  for (const type of ['node:step', 'node:flow', 'node:agent', 'node:other']) {
    configureModelElement(context, type, GNode, RoundedCornerNodeView);
  }
  for (const type of ['label:title', 'label:detail', 'label:notice']) {
    configureModelElement(context, type, GLabel, GLabelView);
  }
}, { featureId: Symbol('cabinDiagram') });

export class FlowDiagram {
  private dispatcher!: GLSPActionDispatcher;
  private selection!: SelectionService;
  private shownPath: string | null = null;
  private visited: TurnPath | null = null;
  private syncing = false;
  private started = false;
  private fitPending = false;
  private loader: DiagramLoader | undefined;
  private readonly followed = new WeakSet<monaco.editor.ITextModel>();
  private sendTimer: ReturnType<typeof setTimeout> | undefined;
  readonly edits: DiagramEditBar;

  constructor(private readonly host: DiagramHost) {
    this.edits = new DiagramEditBar(() => this.selectedIds(), (operation) => this.dispatcher.dispatch(operation));
  }

  async connect(): Promise<void> {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/glsp`;
    const provider = new GLSPWebSocketProvider(url, { reconnecting: false });
    const connection = await provider.listen({ onConnection: () => undefined });
    const client = new BaseJsonrpcGLSPClient({ id: CLIENT_ID, connectionProvider: connection });
    const container = initializeDiagramContainer(new Container(),
      createDiagramOptionsModule({ clientId: CLIENT_ID, diagramType: DIAGRAM_TYPE, glspClientProvider: async () => client }),
      { add: [cabinDiagramModule, this.textEditModule()], remove: [toolPaletteModule] });
    this.dispatcher = container.get(GLSPActionDispatcher);
    this.selection = container.get(SelectionService);
    this.selection.onSelectionChanged((change) => this.revealSelected(
      change.selectedElements.map((id) => change.root.index.getById(id)).filter((element) => element !== undefined)));
    // for the browser test and for measuring: what the editor has selected
    (window as any).cabinEditorSelection = () => {
      const model = this.host.editor.getModel();
      const selection = this.host.editor.getSelection();
      return model && selection ? model.getValueInRange(selection) : '';
    };
    this.observeRendering();
    this.host.editor.onDidChangeModel(() => this.showActiveFile());
    this.host.editor.onDidChangeCursorPosition(() => this.selectAtCaret());
    window.addEventListener(TURN_PATH_EVENT, (event) => this.highlight((event as CustomEvent).detail));
    this.loader = container.get(DiagramLoader);
    this.showActiveFile();
  }

  /*
   * The server's text edits are applied to the editor's model, as one step of its undo; an edit the text cannot
   * take comes back as GLSP's message, which says why. A kind handled here is announced to the server when the
   * session starts: without the message handler, the server could not send a refusal at all.
   */
  private textEditModule(): FeatureModule {
    const edits: IActionHandler = { handle: (action) => { this.applyTextEdits(action as unknown as TextEdits); } };
    const messages: IActionHandler = { handle: (action) => { this.say((action as unknown as ServerMessage).message); } };
    return new FeatureModule((bind, _unbind, isBound) => {
      bind('CabinTextEdits').toConstantValue(edits);
      configureActionHandler({ bind, isBound }, APPLY_TEXT_EDITS, 'CabinTextEdits');
      bind('CabinServerMessages').toConstantValue(messages);
      configureActionHandler({ bind, isBound }, SERVER_MESSAGE, 'CabinServerMessages');
    }, { featureId: Symbol('cabinTextEdits') });
  }

  /* Beside the edit buttons, where the edit was asked for; an empty text clears it. */
  private say(message: string): void {
    document.getElementById('diagram-message')!.textContent = message;
    if (message) this.host.status(message, true);
  }

  private applyTextEdits(action: TextEdits): void {
    const model = this.host.editor.getModel();
    if (!model || action.path !== this.host.activePath()) {
      this.host.status(`The diagram edit was for ${action.path}, which is no longer in the editor; nothing changed.`, true);
      return;
    }
    const edits = action.edits.map((edit) => ({
      range: between(model.getPositionAt(edit.offset), model.getPositionAt(edit.offset + edit.length)),
      text: edit.text,
    }));
    this.say('');
    model.pushStackElement();
    model.pushEditOperations(this.host.editor.getSelections(), edits, () => null);
    model.pushStackElement();
    const start = model.getPositionAt(action.selectionOffset);
    const end = model.getPositionAt(action.selectionOffset + action.selectionLength);
    this.syncing = true;
    this.host.editor.setSelection(between(start, end));
    this.syncing = false;
    this.host.editor.revealRangeInCenter(between(start, end));
    this.host.editor.focus();
    this.host.status(`${action.description} (Ctrl+Z in the editor undoes it)`);
  }

  /* ---------------------------------------------------------------- following the editor */

  /* The first Cabin file opened starts the diagram session; later ones are requested in it. */
  private showActiveFile(): void {
    const path = this.host.activePath();
    const model = this.host.editor.getModel();
    if (!path || !model || !path.endsWith('.cabin') || !this.loader) return;
    if (!this.followed.has(model)) {
      this.followed.add(model);
      model.onDidChangeContent(() => this.scheduleSend());
    }
    if (path === this.shownPath) return;
    this.shownPath = path;
    this.fitPending = true;
    const shown = this.started
      ? this.dispatcher.dispatch(RequestModelAction.create({ options: { path } }))
      : this.loader.load({ requestModelOptions: { path } });
    this.started = true;
    shown.then(() => this.sendText())
      .catch((error) => this.host.status(`Flow diagram: ${error?.message ?? error}`, true));
  }

  private scheduleSend(): void {
    clearTimeout(this.sendTimer);
    this.sendTimer = setTimeout(() => this.sendText(), 150);
  }

  private sendText(): void {
    const model = this.host.editor.getModel();
    if (!model || this.host.activePath() !== this.shownPath) return;
    (window as any).cabinDiagramSentAt = performance.now();
    this.dispatcher.dispatch({ kind: UPDATE_DOCUMENT, text: model.getValue() } as any);
  }

  /* ---------------------------------------------------------------- selection in sync both ways */

  private selectedIds(): string[] {
    return (this.selection?.getSelectedElements() ?? []).map((element) => element.id);
  }

  private selectedId(): string | null {
    const selected = this.selectedIds();
    return selected.length === 1 ? selected[0] : null;
  }

  private revealSelected(selected: readonly GModelElement[]): void {
    const model = this.host.editor.getModel();
    const element = selected.length === 1 ? selected[0] as GModelElement & { args?: Record<string, unknown> } : undefined;
    if (this.syncing || !model || !element?.args || typeof element.args.sourceOffset !== 'number') return;
    const offset = element.args.sourceOffset as number;
    const range = between(model.getPositionAt(offset),
      model.getPositionAt(offset + (element.args.sourceLength as number)));
    this.syncing = true;
    this.host.editor.setSelection(range);
    this.host.editor.revealRangeInCenter(range);
    this.syncing = false;
  }

  private selectAtCaret(): void {
    const model = this.host.editor.getModel();
    const position = this.host.editor.getPosition();
    if (this.syncing || !model || !position || !this.selection) return;
    const offset = model.getOffsetAt(position);
    let best: (GModelElement & { args?: Record<string, unknown> }) | undefined;
    for (const element of this.allElements(this.selection.getModelRoot())) {
      const args = (element as GModelElement & { args?: Record<string, unknown> }).args;
      if (!args || typeof args.sourceOffset !== 'number') continue;
      const start = args.sourceOffset as number;
      const length = args.sourceLength as number;
      if (offset >= start && offset <= start + length && (!best || length < (best.args!.sourceLength as number))) {
        best = element as GModelElement & { args?: Record<string, unknown> };
      }
    }
    if (!best || this.selectedId() === best.id) return;
    this.syncing = true;
    this.dispatcher.dispatch(SelectAction.create({ selectedElementsIDs: [best.id], deselectedElementsIDs: true }))
      .finally(() => { this.syncing = false; });
  }

  private *allElements(element: Readonly<GModelElement>): Generator<Readonly<GModelElement>> {
    yield element;
    for (const child of (element as GModelRoot).children ?? []) yield* this.allElements(child);
  }

  /* ---------------------------------------------------------------- the path of the simulator's last turn */

  /* The turn's steps are painted and brought into view: in a large agent's diagram they would be too small to see. */
  private highlight(detail: TurnPath | undefined): void {
    this.visited = detail && Array.isArray(detail.stepPaths) ? detail : null;
    this.paintVisited();
    if (this.visited && this.visited.path === this.shownPath && this.visited.stepPaths.length > 0) {
      const ids = this.visited.stepPaths.map(nodeId);
      this.dispatcher.dispatch(FitToScreenAction.create(ids, { padding: 40, maxZoom: 1, animate: false }));
    }
  }

  /* A step the trace names is the node of the same agent, flow and position (its diagram id, ElementIds). */
  private matches(id: string, step: StepPath): boolean {
    return id === nodeId(step);
  }

  private paintVisited(): void {
    const base = document.getElementById(CLIENT_ID);
    if (!base) return;
    base.querySelectorAll(`.${HIGHLIGHT}`).forEach((node) => node.classList.remove(HIGHLIGHT));
    if (!this.visited || this.visited.path !== this.shownPath) return;
    for (const node of Array.from(base.querySelectorAll<SVGGElement>('g[id]'))) {
      const id = node.id.startsWith(`${CLIENT_ID}_`) ? node.id.substring(CLIENT_ID.length + 1) : node.id;
      if (this.visited.stepPaths.some((stepPath) => this.matches(id, stepPath))) node.classList.add(HIGHLIGHT);
    }
  }

  /*
   * A file's diagram is first shown whole (up to full size); later updates keep the author's zoom and scroll. The
   * fit waits a moment after the first drawing: sprotty measures the canvas after drawing, and nodes outside the
   * view are not drawn at all until it fits.
   */
  private fitNewFile(base: HTMLElement): void {
    if (!this.fitPending || !base.querySelector('g[id]')) return;
    this.fitPending = false;
    // the ids are named: without them sprotty would fit the selected node (the one at the caret) instead
    setTimeout(() => {
      const whole = (this.selection.getModelRoot().children ?? []).map((child) => child.id);
      this.dispatcher.dispatch(FitToScreenAction.create(whole, { padding: 12, maxZoom: 1, animate: false }));
    }, 100);
  }

  /* Sprotty re-renders the SVG after every model update; the highlight is painted again on the new nodes. */
  private observeRendering(): void {
    const pane = document.getElementById(CLIENT_ID)?.parentElement;
    if (!pane) return;
    let pending = false;
    // sprotty replaces the diagram's element itself when it draws, so its parent is watched
    new MutationObserver(() => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        (window as any).cabinDiagramRenderedAt = performance.now();
        this.paintVisited();
        const base = document.getElementById(CLIENT_ID);
        if (base) this.fitNewFile(base);
      });
    }).observe(pane, { childList: true, subtree: true });
  }
}

function nodeId(step: StepPath): string {
  return `${step.agent}.flow.${step.flow}.step.${step.step}`;
}
