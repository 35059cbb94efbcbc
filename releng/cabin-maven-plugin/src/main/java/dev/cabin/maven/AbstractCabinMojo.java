package dev.cabin.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals share: the sources, the toolchain, and exit codes turned into build results. */
abstract class AbstractCabinMojo extends AbstractMojo {

	@Parameter(defaultValue = "${plugin}", readonly = true, required = true)
	private PluginDescriptor plugin;

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	MavenProject project;

	/** The agent sources: {@code .cabin} files or folders searched for them. Default: {@code src/main/cabin}. */
	@Parameter(property = "cabin.sources")
	private List<File> sources;

	/** Skips the goal. */
	@Parameter(property = "cabin.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (skip) {
			getLog().info("Skipping (cabin.skip)");
			return;
		}
		CabinToolchain toolchain = CabinToolchain.in(plugin,
				new File(project.getBuild().getDirectory(), "cabin-toolchain").toPath(), getLog());
		List<String> args = arguments();
		int exit = toolchain.run(args, project.getBasedir().toPath(), getLog());
		if (exit == 1) {
			throw new MojoFailureException("cabin " + args.get(0) + " failed; the errors are above");
		}
		if (exit != 0) {
			throw new MojoExecutionException("cabin " + args.get(0) + " was configured wrongly (exit " + exit
					+ "); the reason is above");
		}
		succeeded();
	}

	/** The paths of the agent sources, checked to exist. */
	List<String> sources() throws MojoExecutionException {
		List<File> given = sources == null || sources.isEmpty()
				? List.of(new File(project.getBasedir(), "src/main/cabin"))
				: sources;
		for (File source : given) {
			if (!source.exists()) {
				throw new MojoExecutionException("no agent sources at " + source + " (set <sources>)");
			}
		}
		return given.stream().map(File::getPath).toList();
	}

	/** The command line: the command, then its arguments. */
	abstract List<String> arguments() throws MojoExecutionException;

	/** What to do after the command succeeded. */
	void succeeded() {
	}
}
