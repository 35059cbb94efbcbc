package dev.cabin.dsl.parser;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;

import dev.cabin.dsl.parser.antlr.CabinParser;
import dev.cabin.dsl.validation.CabinIssueCodes;

/**
 * The Cabin parser with a guard against nesting so deep that a recursive descent parser would overflow its
 * stack (a file of ten thousand parentheses, or {@code not not not ...}): the text from the first place that is
 * nested too deeply is parsed as blank, and that place gets a syntax error. The node model keeps the real
 * text, so offsets, lines and what the editor shows stay right.
 */
public class NestingGuardParser extends CabinParser {

	/** Deeper than any agent an author writes by hand, far below what overflows a 512 KB thread stack. */
	public static final int MAX_NESTING = 100;

	@Override
	protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder builder, int initialLookAhead) {
		String text = in.size() == 0 ? "" : in.substring(0, in.size() - 1);
		int tooDeep = Nesting.firstBeyond(text, MAX_NESTING);
		if (tooDeep < 0) {
			return super.doParse(ruleName, in, builder, initialLookAhead);
		}
		IParseResult result = super.doParse(ruleName, new ANTLRStringStream(Nesting.blankFrom(text, tooDeep)), builder,
				initialLookAhead);
		builder.setCompleteContent(result.getRootNode(), text);
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(result.getRootNode(), tooDeep);
		// the parser's own complaint about the blank rest ("missing '}'") would only confuse
		if (leaf != null) {
			builder.setSyntaxError(leaf, new SyntaxErrorMessage("nested more than " + MAX_NESTING
					+ " levels deep; split the expression or the flow", CabinIssueCodes.NESTING_TOO_DEEP));
		}
		return result;
	}
}
