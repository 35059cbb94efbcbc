package dev.cabin.ui.project.wizards;

import java.util.List;

/**
 * An example a new Cabin project can start from: folders copied from the bundle's {@code examples/} into the
 * project (an example that imports another brings that one along), and the file opened afterwards.
 */
public record CabinExample(String label, String description, List<String> folders, String mainFile) {

	public static final List<CabinExample> ALL = List.of(
			new CabinExample("Car Genius", "Diagnostics in English and Chinese: tire pressure, oil service, warning lights",
					List.of("car-genius"), "car-genius/car-genius.cabin"),
			new CabinExample("Travel Companion",
					"Trips and charging stops, with a handoff to Car Genius (imports it)",
					List.of("travel-companion", "car-genius"), "travel-companion/travel-companion.cabin"),
			new CabinExample("Cabin Comfort",
					"Climate, seats, the sunroof with gaze and voice, gestures, drowsiness, a driving policy and a VSS overlay",
					List.of("cabin-comfort"), "cabin-comfort/cabin-comfort.cabin"),
			new CabinExample("Cockpit",
					"75 in-car intents imported from CLINC150, for the Lab Test view (compiling it trains for about a minute)",
					List.of("cockpit"), "cockpit/cockpit.cabin"));
}
