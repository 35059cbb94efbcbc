package dev.cabin.language;

import java.util.List;

/**
 * The cabin seen from above, front at the top, driver on the left, on a {@value #WIDTH} x {@value #HEIGHT} plan:
 * the gaze zones that Studio's simulator and the browser's draw on their cabin maps (seats, windows, sunroof,
 * mirrors, windshields and the centre display), each named as the language names a zone (a VSS branch without
 * the {@code Vehicle} root).
 */
public final class CabinPlan {

	public static final int WIDTH = 200;
	public static final int HEIGHT = 400;

	/** A gaze zone, what its place on the map says, and where it is on the plan. */
	public record Zone(String name, String label, int x, int y, int width, int height) {
	}

	/** In drawing order: later zones lie on top and are hit first. */
	public static final List<Zone> ZONES = List.of(
			new Zone("Body.Windshield.Front", "Windshield", 34, 58, 132, 26),
			new Zone("Body.Windshield.Rear", "Rear window", 36, 338, 128, 20),
			new Zone("Cabin.RearShade", "Rear shade", 44, 322, 112, 12),
			new Zone("Cabin.Seat.Row1.DriverSide", "Driver", 38, 128, 44, 58),
			new Zone("Cabin.Seat.Row1.PassengerSide", "Passenger", 118, 128, 44, 58),
			new Zone("Cabin.Seat.Row2.DriverSide", "Rear left", 38, 256, 40, 56),
			new Zone("Cabin.Seat.Row2.Middle", "Rear mid", 80, 260, 40, 52),
			new Zone("Cabin.Seat.Row2.PassengerSide", "Rear right", 122, 256, 40, 56),
			new Zone("Cabin.Sunroof", "Sunroof", 62, 196, 76, 50),
			new Zone("Cabin.Door.Row1.DriverSide.Window", "", 24, 124, 9, 66),
			new Zone("Cabin.Door.Row1.PassengerSide.Window", "", 167, 124, 9, 66),
			new Zone("Cabin.Door.Row2.DriverSide.Window", "", 24, 248, 9, 66),
			new Zone("Cabin.Door.Row2.PassengerSide.Window", "", 167, 248, 9, 66),
			new Zone("Cabin.Infotainment.HMI", "Display", 84, 118, 32, 22),
			new Zone("Cabin.RearviewMirror", "Mirror", 86, 88, 28, 9),
			new Zone("Body.Mirrors.DriverSide", "L", 2, 104, 20, 16),
			new Zone("Body.Mirrors.PassengerSide", "R", 178, 104, 20, 16));

	private CabinPlan() {
	}
}
