package dev.cabin.dsl.validation;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import com.google.inject.Inject;

import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.project.ProjectCatalogue;
import dev.cabin.dsl.project.ProjectCatalogues;
import dev.cabin.vss.VssCatalogue;

/**
 * What the Cabin validators share: the project's catalogue and what names in expressions mean, worked out once
 * per validation of a resource (kept in the validation context), and reporting for analyses.
 */
abstract class CabinCheckBase extends AbstractDeclarativeValidator {

	@Inject
	private ProjectCatalogues catalogues;

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(CabinPackage.eINSTANCE);
	}

	/** Parts of the Cabin validator run as its composed checks; only the Cabin validator itself registers. */
	@Override
	public void register(EValidatorRegistrar registrar) {
		if (getClass() == CabinValidator.class) {
			super.register(registrar);
		}
	}

	protected ProjectCatalogue project(EObject object) {
		Resource resource = object.eResource();
		if (resource == null) {
			return new ProjectCatalogue(dev.cabin.vss.DefaultCatalogue.get(), null, List.of(), List.of());
		}
		return cached(List.of(ProjectCatalogue.class, resource), () -> catalogues.forResource(resource));
	}

	protected ProjectCatalogues projects() {
		return catalogues;
	}

	protected VssCatalogue catalogue(EObject object) {
		return project(object).catalogue();
	}

	protected References.Target resolve(String path, EObject context) {
		VssCatalogue catalogue = catalogue(context);
		return cached(List.of(References.Resolver.class, catalogue), () -> new References.Resolver(catalogue))
				.resolve(path, context);
	}

	@SuppressWarnings("unchecked")
	protected <T> T cached(Object key, java.util.function.Supplier<T> compute) {
		Map<Object, Object> context = getContext();
		if (context == null) {
			return compute.get();
		}
		return (T) context.computeIfAbsent(key, k -> compute.get());
	}

	/** Reports at a part of a string value: {@code start}..{@code end} are indexes into the string's value. */
	protected void reportInString(boolean error, String message, EObject object, EStructuralFeature feature,
			int index, int start, int end, String code, String... data) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
		if (index >= nodes.size()) {
			if (error) {
				error(message, object, feature, index, code, data);
			} else {
				warning(message, object, feature, index, code, data);
			}
			return;
		}
		INode node = nodes.get(index);
		String source = node.getText();
		Object value = object.eGet(feature);
		String text = value instanceof List<?> list ? String.valueOf(list.get(index)) : String.valueOf(value);
		// find the same characters in the source (escapes may shift them); else mark the whole string
		String wanted = text.substring(start, end);
		int at = source.indexOf(wanted);
		int offset = at >= 0 ? node.getOffset() + at : node.getOffset();
		int length = at >= 0 ? wanted.length() : node.getLength();
		if (error) {
			getMessageAcceptor().acceptError(message, object, offset, length, code, data);
		} else {
			getMessageAcceptor().acceptWarning(message, object, offset, length, code, data);
		}
	}

	protected IssueSink sink() {
		return new IssueSink() {
			@Override
			public void error(String message, EObject object, EStructuralFeature feature, String code, String... data) {
				CabinCheckBase.this.error(message, object, feature, code, data);
			}

			@Override
			public void warning(String message, EObject object, EStructuralFeature feature, String code,
					String... data) {
				CabinCheckBase.this.warning(message, object, feature, code, data);
			}
		};
	}
}
