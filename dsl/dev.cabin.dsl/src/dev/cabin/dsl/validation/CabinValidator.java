package dev.cabin.dsl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.ComposedChecks;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.Defaults;
import dev.cabin.dsl.cabin.Duration;
import dev.cabin.dsl.cabin.Entity;
import dev.cabin.dsl.cabin.ExpectFalseAccepts;
import dev.cabin.dsl.cabin.ExpectReply;
import dev.cabin.dsl.cabin.Import;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.load.SourcePolicy;
import dev.cabin.dsl.project.ProjectCatalogue;
import dev.cabin.language.DurationUnit;
import dev.cabin.vss.VssProblem;

/**
 * The Cabin validator: files, imports, names, durations and conversation tests here; signals and values, texts
 * and locales, flows, how surely the agent can act on what it hears, and replies that may miss a value in the
 * composed validators. Every problem carries a code of {@link CabinIssueCodes}.
 */
@ComposedChecks(validators = { SignalValidator.class, TextValidator.class, FlowValidator.class,
		RecognitionValidator.class, MissingValueValidator.class })
public class CabinValidator extends CabinCheckBase {

	private static final CabinPackage CABIN = CabinPackage.eINSTANCE;

	@Check
	public void checkProject(CabinFile file) {
		ProjectCatalogue project = project(file);
		if (project.problems().isEmpty()) {
			return;
		}
		VssProblem first = project.problems().get(0);
		String more = project.problems().size() > 1 ? " (and " + (project.problems().size() - 1) + " more)" : "";
		ILeafNode start = firstToken(file);
		getMessageAcceptor().acceptError("the project's VSS catalogue has problems: " + first.format() + more, file,
				start == null ? 0 : start.getOffset(), start == null ? 0 : start.getLength(),
				CabinIssueCodes.PROJECT_PROBLEM);
	}

	private static ILeafNode firstToken(EObject object) {
		if (object.eResource() instanceof XtextResource resource && resource.getParseResult() != null) {
			for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
				if (!leaf.isHidden()) {
					return leaf;
				}
			}
		}
		return null;
	}

	/** An import names a .cabin file inside the project (see {@link SourcePolicy}) that parses. */
	@Check
	public void checkImport(Import anImport) {
		String imported = anImport.getImportURI();
		Resource resource = anImport.eResource();
		if (imported == null || resource == null) {
			return;
		}
		SourcePolicy.Import checked = SourcePolicy.standard().checkImport(imported, resource.getURI(), projects());
		if (!checked.admitted()) {
			error("cannot import \"" + imported + "\": " + checked.refusal().reason(), anImport,
					CABIN.getImport_ImportURI(), checked.refusal().code());
			return;
		}
		List<Resource.Diagnostic> syntaxErrors = checked.uri().equals(resource.getURI()) ? List.of()
				: syntaxErrors(resource.getResourceSet(), checked.uri());
		if (!syntaxErrors.isEmpty()) {
			Resource.Diagnostic first = syntaxErrors.get(0);
			error("cannot import \"" + imported + "\": it has " + syntaxErrors.size() + " syntax error"
					+ (syntaxErrors.size() == 1 ? "" : "s") + ", the first at line " + first.getLine(), anImport,
					CABIN.getImport_ImportURI(), CabinIssueCodes.IMPORT_HAS_ERRORS);
		}
	}

	/* The syntax errors of an imported file, loaded (under the policy) if linking has not loaded it yet. */
	private static List<Resource.Diagnostic> syntaxErrors(ResourceSet resourceSet, URI uri) {
		if (resourceSet == null) {
			return List.of();
		}
		try {
			Resource imported = resourceSet.getResource(uri, true);
			return imported == null ? List.of()
					: imported.getErrors().stream().filter(XtextSyntaxDiagnostic.class::isInstance).toList();
		} catch (RuntimeException e) {
			// it changed since it was checked: the next validation reports it
			return List.of();
		}
	}

	@Check
	public void checkFileNames(CabinFile file) {
		unique(file.getAgents(), CABIN.getAgent_Name(), "agent");
		unique(file.getEntities(), CABIN.getEntity_Name(), "entity");
		unique(file.getTools(), CABIN.getTool_Name(), "tool");
	}

	@Check
	public void checkAgentNames(Agent agent) {
		unique(agent.getIntents(), CABIN.getIntent_Name(), "intent");
		unique(agent.getFlows(), CABIN.getFlow_Name(), "flow");
		unique(agent.getEntities(), CABIN.getEntity_Name(), "entity");
		unique(agent.getTools(), CABIN.getTool_Name(), "tool");
		unique(agent.getPolicies(), CABIN.getPolicy_Name(), "policy");
		unique(agent.getTests(), CABIN.getConversationTest_Name(), "test");
	}

	@Check
	public void checkSlotNames(Intent intent) {
		unique(intent.getSlots(), CABIN.getSlot_Name(), "slot");
	}

	@Check
	public void checkValueNames(Entity entity) {
		unique(entity.getValues(), CABIN.getEntityValue_Name(), "value");
	}

	@Check
	public void checkParameterNames(Tool tool) {
		unique(tool.getParams(), CABIN.getToolParam_Name(), "parameter");
	}

	private void unique(List<? extends EObject> objects, EAttribute name, String what) {
		Map<Object, EObject> seen = new HashMap<>();
		for (EObject object : objects) {
			Object value = object.eGet(name);
			if (value != null && seen.putIfAbsent(value, object) != null) {
				error("a second " + what + " named " + value, object, name, CabinIssueCodes.DUPLICATE_NAME);
			}
		}
	}

	@Check
	public void checkDuration(Duration duration) {
		if (duration.getUnit() != null && DurationUnit.ofSymbol(duration.getUnit()) == null) {
			error("unknown duration unit \"" + duration.getUnit() + "\" (" + DurationUnit.symbols() + ")", duration,
					CABIN.getDuration_Unit(), CabinIssueCodes.INVALID_DURATION);
			return;
		}
		double value;
		try {
			value = Double.parseDouble(duration.getValue());
		} catch (NumberFormatException | NullPointerException e) {
			return;
		}
		boolean mustBePositive = duration.eContainmentFeature() == CABIN.getTimerEvent_Period()
				|| duration.eContainmentFeature() == CABIN.getTrigger_Window()
				|| duration.eContainmentFeature() == CABIN.getDefaults_Timeout();
		if (value < 0 || (mustBePositive && value == 0)) {
			error("a duration here must be " + (mustBePositive ? "more than 0" : "0 or more"), duration,
					CABIN.getDuration_Value(), CabinIssueCodes.INVALID_DURATION);
		}
	}

	@Check
	public void checkConfidence(Defaults defaults) {
		if (defaults.getConfidence() == null) {
			return;
		}
		try {
			double confidence = Double.parseDouble(defaults.getConfidence());
			if (confidence < 0 || confidence > 1) {
				error("a confidence is between 0 and 1", defaults, CABIN.getDefaults_Confidence(),
						CabinIssueCodes.OUT_OF_RANGE);
			}
		} catch (NumberFormatException e) {
			// the parser reported it
		}
	}

	/* A share of the held-back lines lies between 0% and 100%: outside, a test never passes or never fails. */
	@Check(CheckType.FAST)
	public void checkFalseAcceptsBound(ExpectFalseAccepts expectation) {
		try {
			double percent = Double.parseDouble(expectation.getPercent());
			if (percent <= 0) {
				warning("an agent never acts on fewer than 0% of unrelated requests: this expectation always fails",
						expectation, CABIN.getExpectFalseAccepts_Percent(), CabinIssueCodes.FALSE_ACCEPTS_BOUND);
			} else if (percent >= 100) {
				warning("an agent acts on at most 100% of unrelated requests: a bound of " + expectation.getPercent()
						+ "% tests nothing", expectation, CABIN.getExpectFalseAccepts_Percent(),
						CabinIssueCodes.FALSE_ACCEPTS_BOUND);
			}
		} catch (NumberFormatException e) {
			// the parser reported it
		}
	}

	@Check(CheckType.FAST)
	public void checkPattern(ExpectReply expectation) {
		if (expectation.isContains() || expectation.getText() == null) {
			return;
		}
		try {
			Pattern.compile(expectation.getText());
		} catch (PatternSyntaxException e) {
			error("not a regular expression: " + e.getDescription(), expectation, CABIN.getExpectReply_Text(),
					CabinIssueCodes.INVALID_PATTERN);
		}
	}
}
