package dev.cabin.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Parses and validates the agents ({@code cabin check}); fails the build on any error. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractCabinMojo {

	@Override
	List<String> arguments() throws MojoExecutionException {
		List<String> args = new ArrayList<>(List.of("check"));
		args.addAll(sources());
		return args;
	}
}
