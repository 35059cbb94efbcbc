package dev.cabin.compiler;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.emf.ecore.util.EcoreUtil;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.Handoff;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.ToolIr;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * Compiles validated Cabin models into the engine's IR: every construct of the language, with the example
 * utterances embedded by the encoder of their language so that the engine does not have to at start-up, and
 * each agent's intent classifier trained on them (with the examples of what is out of scope that
 * {@link OutOfScopeExamples} finds beside the source, and the built-in background of unrelated speech).
 * The IR also holds the agents of the files that hand-off targets are declared in, when those files were only
 * imported, so that a hand-off finds its agent in every tool that runs the IR (a car build, chat, tests).
 * Expects models without errors; what validation cannot rule out (a duration in an unknown unit) is a
 * {@link CompileException} naming the place.
 */
public final class CabinCompiler {

	private final SentenceEncoders encoders;
	private final Progress progress;
	private final BackgroundNegatives background;

	public CabinCompiler(SentenceEncoders encoders) {
		this(encoders, null, Progress.NONE);
	}

	/** A compiler that tells how far it is with embedding the examples and training the classifiers. */
	public CabinCompiler(SentenceEncoders encoders, Progress progress) {
		this(encoders, null, progress);
	}

	/**
	 * @param cacheFolder where the background's vectors are kept for a sentence model without shipped ones, or
	 *        {@code null} to keep them in memory only
	 */
	public CabinCompiler(SentenceEncoders encoders, Path cacheFolder, Progress progress) {
		this(encoders, cacheFolder, progress, BackgroundCorpus.builtIn());
	}

	/**
	 * A compiler that trains and calibrates against another background than the built-in one: for measurements
	 * that must keep some of its labels unseen ({@link BackgroundCorpus#withoutLabels}). Tools compile against the
	 * built-in background, which the compile cache's key covers.
	 */
	public CabinCompiler(SentenceEncoders encoders, Path cacheFolder, Progress progress, BackgroundCorpus background) {
		this.encoders = encoders;
		this.progress = progress;
		this.background = new BackgroundNegatives(background, encoders, cacheFolder, progress);
	}

	public CabinIr compile(List<CabinFile> namedFiles) {
		List<CabinFile> files = withHandoffTargets(namedFiles);
		Map<String, EncoderInfo> usedEncoders = new TreeMap<>();
		List<EntityIr> sharedEntities = new ArrayList<>();
		List<ToolIr> sharedTools = new ArrayList<>();
		for (CabinFile file : files) {
			file.getEntities().forEach(entity -> sharedEntities.add(DeclarationCompiler.entity(entity)));
			file.getTools().forEach(tool -> sharedTools.add(DeclarationCompiler.tool(tool)));
		}
		List<AgentIr> agents = new ArrayList<>();
		for (CabinFile file : files) {
			for (Agent agent : file.getAgents()) {
				agents.add(new AgentCompiler(agent, sharedEntities, sharedTools, encoders, background, progress).compile(usedEncoders));
			}
		}
		return new CabinIr(CabinIr.FORMAT_VERSION, usedEncoders, agents);
	}

	/** The files, then the files of the agents they hand off to (transitively), each once. */
	private static List<CabinFile> withHandoffTargets(List<CabinFile> files) {
		Set<CabinFile> reached = new LinkedHashSet<>(files);
		Deque<CabinFile> unvisited = new ArrayDeque<>(files);
		while (!unvisited.isEmpty()) {
			EcoreUtil.getAllContents(unvisited.pop(), false).forEachRemaining(object -> {
				if (object instanceof Handoff handoff && handoff.getAgent() != null && !handoff.getAgent().eIsProxy()
						&& handoff.getAgent().eContainer() instanceof CabinFile target && reached.add(target)) {
					unvisited.add(target);
				}
			});
		}
		return List.copyOf(reached);
	}
}
