package dev.cabin.ui.editor;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

import com.google.inject.Injector;

import dev.cabin.dsl.ide.CabinIdeSetup;
import dev.cabin.dsl.load.CabinSources;

/**
 * The language services of the Cabin editor: one Xtext injector (runtime and IDE modules) for the workbench,
 * created on first use rather than at bundle activation.
 */
public final class CabinLanguage {

	private CabinLanguage() {
	}

	private static final class Holder {
		static final Injector INJECTOR = new CabinIdeSetup().createInjectorAndDoEMFRegistration();
		static final CabinSources SOURCES = new CabinSources(INJECTOR);
	}

	public static CabinSources sources() {
		return Holder.SOURCES;
	}

	/** The grammar's keywords that are words (for lexical highlighting). */
	public static Set<String> keywords() {
		Set<String> words = new TreeSet<>();
		for (String keyword : GrammarUtil.getAllKeywords(Holder.INJECTOR.getInstance(IGrammarAccess.class).getGrammar())) {
			if (keyword.chars().allMatch(Character::isLetter)) {
				words.add(keyword);
			}
		}
		return words;
	}
}
