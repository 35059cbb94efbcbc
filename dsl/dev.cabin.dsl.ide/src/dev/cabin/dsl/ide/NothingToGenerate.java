package dev.cabin.dsl.ide;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The Cabin language generates no files, so a build never asks whether it should. Xtext's default answer
 * validates the whole resource to find out (whether it has errors), which the language server's build then does
 * a second time for its diagnostics: on a large agent, half of the work after each keystroke.
 */
public final class NothingToGenerate implements IShouldGenerate {

	@Override
	public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
		return false;
	}
}
