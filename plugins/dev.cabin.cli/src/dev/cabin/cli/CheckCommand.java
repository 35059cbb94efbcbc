package dev.cabin.cli;

import java.nio.file.Path;
import java.util.List;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;

/** {@code cabin check FILE|DIR...}: parse and validate, print problems, exit 1 on any error. */
final class CheckCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		arguments.rejectUnknown();
		List<Path> files = SourceFiles.expand(arguments.positional());
		LoadResult result = Toolchain.check(files, terminal, true);
		long errors = result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
		long warnings = result.problems().stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
		terminal.err().printf("%d file%s checked: %d error%s, %d warning%s%n", files.size(), plural(files.size()),
				errors, plural(errors), warnings, plural(warnings));
		return errors > 0 ? Main.FAILED : Main.OK;
	}

	private static String plural(long count) {
		return count == 1 ? "" : "s";
	}
}
