package dev.cabin.car.fleet;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.VerifiedPackage;

/**
 * What a new build must do before a car switches to it: start an engine on it, as {@code cabin run} does, and
 * answer one spoken request with its first agent.
 */
public final class SmokeCheck implements BuildSlots.BeforeSwitch {

	private static final String REQUEST = "hello";

	@Override
	public void check(VerifiedPackage written) throws PackageRejectedException {
		TurnResult turn;
		try {
			Engine engine = written.startEngine(OnnxModels.encoders());
			Session session = engine.openSession(engine.firstAgentId());
			turn = session.handle(new InputEvent.Voice(REQUEST));
		} catch (PackageRejectedException e) {
			throw new PackageRejectedException("smoke check failed: " + e.getMessage(), e);
		} catch (RuntimeException e) {
			throw new PackageRejectedException("smoke check failed: the build does not start (" + e + ")", e);
		}
		if (turn.replies().isEmpty()) {
			throw new PackageRejectedException("smoke check failed: the build started but gave no answer to \""
					+ REQUEST + "\"");
		}
	}
}
