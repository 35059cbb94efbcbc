package dev.cabin.export.profile;

import java.util.List;

import dev.cabin.engine.pkg.VersionRange;

/**
 * What a vehicle's head unit has and allows.
 *
 * @param display a screen for texts (a flow's {@code screen} text needs one)
 * @param touchscreen touch input ({@code on touch} triggers)
 * @param gazeTracker an eye-gaze tracker ({@code on gaze})
 * @param gestureCamera a gesture camera ({@code on gesture})
 * @param driverMonitoring a driver-monitoring camera that reports posture and driver state ({@code on posture})
 * @param microphoneZones the seats with a microphone (empty: no voice at all)
 * @param locales the locales the head unit can speak and show
 * @param memoryMB the memory the assistant engine may use, in MiB
 * @param storageMB the storage one build may take, in MiB
 * @param engine the versions of the Cabin engine the vehicle runs
 * @param llm where an LLM is available: {@code none}, {@code onboard} or {@code cloud}
 */
public record HeadUnit(boolean display, boolean touchscreen, boolean gazeTracker, boolean gestureCamera,
		boolean driverMonitoring, List<String> microphoneZones, List<String> locales, long memoryMB, long storageMB,
		VersionRange engine, String llm) {

	public static final List<String> LLM_KINDS = List.of("none", "onboard", "cloud");

	public HeadUnit {
		microphoneZones = List.copyOf(microphoneZones);
		locales = List.copyOf(locales);
	}

	public boolean hasLlm() {
		return !"none".equals(llm);
	}
}
