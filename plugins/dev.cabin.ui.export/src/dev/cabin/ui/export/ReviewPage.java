package dev.cabin.ui.export;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.PackageManifest;
import dev.cabin.export.CarExport;

/**
 * The last page: what the checks found (each problem with its file and line) and the manifest of the package
 * that Finish writes. The export runs as a job when the page is shown.
 */
final class ReviewPage extends WizardPage {

	private Label summary;
	private Table problems;
	private Text manifest;
	private CarExport.Result result;

	ReviewPage() {
		super("review", "Checks and Manifest", null);
		setDescription("The agents checked against the vehicle, and what the package holds and needs.");
		setPageComplete(false);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(1, false));
		summary = new Label(page, SWT.WRAP);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		summary.setData(CarBuildExportWizard.FIELD, "summary");
		problems = new Table(page, SWT.BORDER | SWT.FULL_SELECTION);
		problems.setHeaderVisible(true);
		GridData problemsLayout = new GridData(SWT.FILL, SWT.FILL, true, true);
		problemsLayout.heightHint = 150;
		problemsLayout.widthHint = 720;
		problems.setLayoutData(problemsLayout);
		problems.setData(CarBuildExportWizard.FIELD, "problems");
		for (String column : new String[] { "Check", "Where" }) {
			new TableColumn(problems, SWT.NONE).setText(column);
		}
		new Label(page, SWT.NONE).setText("Manifest:");
		manifest = new Text(page, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
		manifest.setFont(JFaceResources.getTextFont());
		GridData manifestLayout = new GridData(SWT.FILL, SWT.FILL, true, true);
		manifestLayout.heightHint = 200;
		manifest.setLayoutData(manifestLayout);
		manifest.setData(CarBuildExportWizard.FIELD, "manifest");
		setControl(page);
	}

	@Override
	public void setVisible(boolean visible) {
		super.setVisible(visible);
		if (visible) {
			running();
			((CarBuildExportWizard) getWizard()).startExport();
		}
	}

	private void running() {
		result = null;
		summary.setText("Checking the agents against the vehicle and packaging them...");
		problems.removeAll();
		manifest.setText("");
		setErrorMessage(null);
		setPageComplete(false);
	}

	/** Shows the outcome of the export job. */
	void show(CarExport.Result exported, String failure) {
		if (summary.isDisposed()) {
			return;
		}
		result = exported;
		problems.removeAll();
		if (exported != null) {
			for (Problem problem : exported.problems()) {
				row(problem.severity() == Problem.Severity.ERROR ? ISharedImages.IMG_OBJS_ERROR_TSK
						: ISharedImages.IMG_OBJS_WARN_TSK, problem.message(),
						problem.file().getFileName() + ":" + problem.line() + ":" + problem.column());
			}
			for (String passed : exported.passedChecks()) {
				row(ISharedImages.IMG_OBJS_INFO_TSK, passed, "");
			}
		}
		for (TableColumn column : problems.getColumns()) {
			column.pack();
		}
		if (failure != null) {
			summary.setText("Not exported.");
			setErrorMessage(failure);
		} else if (!exported.succeeded()) {
			long errors = exported.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
			summary.setText("Not exported: " + errors + " error" + (errors == 1 ? "" : "s")
					+ " below. Fix them and try again.");
			setErrorMessage("The agents do not fit the vehicle.");
		} else {
			PackageManifest m = exported.manifest();
			summary.setText("All checks passed" + (exported.problems().isEmpty() ? "" : " (with warnings)")
					+ ". Finish writes " + exported.bytes().length + " bytes: version " + m.version() + " of "
					+ String.join(", ", m.agents()) + " for the " + m.target().model() + " (" + m.target().market()
					+ ").");
			manifest.setText(PackageFormat.toJson(m));
		}
		summary.getParent().layout(true, true);
		setPageComplete(exported != null && exported.succeeded());
	}

	private void row(String image, String check, String where) {
		TableItem item = new TableItem(problems, SWT.NONE);
		item.setImage(PlatformUI.getWorkbench().getSharedImages().getImage(image));
		item.setText(new String[] { check, where });
	}

	CarExport.Result result() {
		return result;
	}
}
