package dev.cabin.ui.editor;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

import dev.cabin.dsl.ide.CabinInjector;
import dev.cabin.dsl.load.CabinSources;

/**
 * The language services of the Cabin editor, on the process' one Xtext injector ({@link CabinInjector}, which the
 * in-process language server shares), created on first use rather than at bundle activation.
 */
public final class CabinLanguage {

	private CabinLanguage() {
	}

	public static CabinSources sources() {
		return CabinInjector.sources();
	}

	/** The grammar's keywords that are words (for lexical highlighting). */
	public static Set<String> keywords() {
		Set<String> words = new TreeSet<>();
		for (String keyword : GrammarUtil.getAllKeywords(CabinInjector.get().getInstance(IGrammarAccess.class).getGrammar())) {
			if (keyword.chars().allMatch(Character::isLetter)) {
				words.add(keyword);
			}
		}
		return words;
	}
}
