package dev.cabin.ui.editor;

import org.eclipse.jface.text.source.Annotation;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

/** A problem the language server found, shown in the editor; quick fixes start from its diagnostic. */
public final class DiagnosticAnnotation extends Annotation {

	public static final String ERROR_TYPE = "org.eclipse.ui.workbench.texteditor.error";
	public static final String WARNING_TYPE = "org.eclipse.ui.workbench.texteditor.warning";
	public static final String INFO_TYPE = "org.eclipse.ui.workbench.texteditor.info";

	private final Diagnostic diagnostic;

	DiagnosticAnnotation(Diagnostic diagnostic) {
		super(typeOf(diagnostic.getSeverity()), false, diagnostic.getMessage());
		this.diagnostic = diagnostic;
	}

	public Diagnostic diagnostic() {
		return diagnostic;
	}

	/** The issue code (see {@code CabinIssueCodes}), or {@code null}. */
	public String code() {
		return diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
	}

	private static String typeOf(DiagnosticSeverity severity) {
		if (severity == DiagnosticSeverity.Error) {
			return ERROR_TYPE;
		}
		return severity == DiagnosticSeverity.Warning ? WARNING_TYPE : INFO_TYPE;
	}
}
