package dev.cabin.dsl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.DefaultDeclarativeQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

import dev.cabin.dsl.cabin.ConversationTest;

/** Qualified names as containers give them; conversation tests (named by a sentence) are not referable. */
public class CabinQualifiedNameProvider extends DefaultDeclarativeQualifiedNameProvider {

	@Override
	public QualifiedName getFullyQualifiedName(EObject object) {
		return object instanceof ConversationTest ? null : super.getFullyQualifiedName(object);
	}
}
