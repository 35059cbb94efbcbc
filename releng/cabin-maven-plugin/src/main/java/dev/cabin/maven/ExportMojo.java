package dev.cabin.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Checks the agents against a vehicle profile and writes a signed, reproducible car package
 * ({@code cabin export}), attached to the project so that {@code install} and {@code deploy} publish it.
 */
@Mojo(name = "export", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class ExportMojo extends AbstractCabinMojo {

	/** The vehicle profile (YAML or JSON). */
	@Parameter(property = "cabin.profile", required = true)
	private File profile;

	/** The signing key file of {@code cabin keygen} (readable by its owner only). */
	@Parameter(property = "cabin.key", required = true)
	private File key;

	/** The package to write. */
	@Parameter(property = "cabin.output", defaultValue = "${project.build.directory}/${project.build.finalName}.cabinpkg")
	private File output;

	/** The package's semantic version; the project's version by default ({@code 1.2.0-SNAPSHOT} is one). */
	@Parameter(property = "cabin.version", defaultValue = "${project.version}")
	private String version;

	/** The agents to package, by id; all agents of the sources when empty. */
	@Parameter(property = "cabin.agents")
	private List<String> agents;

	/** Whether to attach the package to the project (type {@code cabinpkg}). */
	@Parameter(property = "cabin.attach", defaultValue = "true")
	private boolean attach;

	private final MavenProjectHelper projectHelper;

	@Inject
	public ExportMojo(MavenProjectHelper projectHelper) {
		this.projectHelper = projectHelper;
	}

	@Override
	List<String> arguments() throws MojoExecutionException {
		List<String> args = new ArrayList<>(List.of("export"));
		args.addAll(sources());
		args.addAll(List.of("--profile", profile.getPath(), "--key", key.getPath(), "-o", output.getPath(),
				"--version", version));
		if (agents != null && !agents.isEmpty()) {
			args.addAll(List.of("--agents", String.join(",", agents)));
		}
		return args;
	}

	@Override
	void succeeded() {
		if (attach) {
			projectHelper.attachArtifact(project, "cabinpkg", output);
		}
	}
}
