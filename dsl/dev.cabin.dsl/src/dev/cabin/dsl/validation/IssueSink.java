package dev.cabin.dsl.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/** Where analyses report what they find; the validator turns it into issues at the object's feature. */
interface IssueSink {

	void error(String message, EObject object, EStructuralFeature feature, String code, String... data);

	void warning(String message, EObject object, EStructuralFeature feature, String code, String... data);
}
