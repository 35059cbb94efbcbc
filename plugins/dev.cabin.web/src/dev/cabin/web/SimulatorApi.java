package dev.cabin.web;

import java.io.IOException;

import dev.cabin.language.CabinPlan;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the Simulator panel draws before any conversation: {@code GET /cabin-plan}, the cabin map's gaze zones
 * (the {@link CabinPlan} that Studio's simulator draws too).
 */
final class SimulatorApi extends ApiServlet {

	private static final long serialVersionUID = 1L;

	@Override
	protected void handle(String operation, HttpServletRequest request, HttpServletResponse response)
			throws IOException, Refusal {
		if (!operation.equals("GET /cabin-plan")) {
			throw noSuch(operation);
		}
		ApiResponses.json(response, 200, CabinPlan.ZONES);
	}
}
