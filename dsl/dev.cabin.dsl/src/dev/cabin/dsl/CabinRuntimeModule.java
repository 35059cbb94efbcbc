package dev.cabin.dsl;

import org.eclipse.xtext.formatting2.FormatterPreferenceValuesProvider;
import org.eclipse.xtext.formatting2.FormatterPreferences;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.antlr.IReferableElementsUnloader;
import org.eclipse.xtext.preferences.IPreferenceValuesProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;
import org.eclipse.xtext.validation.CompositeEValidator;

import com.google.inject.Binder;
import com.google.inject.name.Names;

import dev.cabin.dsl.formatting.CabinFormatter;
import dev.cabin.dsl.parser.NestingGuardParser;
import dev.cabin.dsl.scoping.CabinGlobalScopeProvider;
import dev.cabin.dsl.scoping.CabinLocalScopeProvider;
import dev.cabin.dsl.scoping.CabinQualifiedNameProvider;
import dev.cabin.dsl.scoping.CabinResourceDescriptionStrategy;
import dev.cabin.dsl.scoping.ReferableElementsUnloader;

/** The Cabin language's services outside any IDE: parsing, scoping by imports, formatting. */
public class CabinRuntimeModule extends AbstractCabinRuntimeModule {

	@Override
	public Class<? extends IParser> bindIParser() {
		return NestingGuardParser.class;
	}

	@Override
	public void configureIScopeProviderDelegate(Binder binder) {
		binder.bind(IScopeProvider.class).annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
				.to(CabinLocalScopeProvider.class);
	}

	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return CabinGlobalScopeProvider.class;
	}

	@Override
	public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
		return CabinQualifiedNameProvider.class;
	}

	public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return CabinResourceDescriptionStrategy.class;
	}

	/*
	 * EMF's generic constraints (multiplicities and the like) repeat what the parser already guarantees; on a
	 * large agent they cost a third of the validation.
	 */
	public void configureUseEObjectValidator(Binder binder) {
		binder.bindConstant().annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR)).to(false);
	}

	public Class<? extends IReferableElementsUnloader> bindIReferableElementsUnloader() {
		return ReferableElementsUnloader.class;
	}

	public Class<? extends IFormatter2> bindIFormatter2() {
		return CabinFormatter.class;
	}

	public void configureFormatterPreferences(Binder binder) {
		binder.bind(IPreferenceValuesProvider.class).annotatedWith(FormatterPreferences.class)
				.to(FormatterPreferenceValuesProvider.class);
	}
}
