package dev.cabin.car.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cabin.engine.pkg.PackageFormat;

/**
 * What a car tells hawkBit about itself as DDI config data, so that a rollout's target filter selects the cars a
 * build fits: {@code attribute.vehicle==aurora-s-cn and attribute.market==CN}.
 *
 * @param vehicle the vehicle profile id the car's packages must be built for
 * @param market the market it is sold in, or {@code null}
 */
public record CarAttributes(String vehicle, String market) {

	public Map<String, String> asConfigData() {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("vehicle", vehicle);
		if (market != null) {
			data.put("market", market);
		}
		data.put("engine", PackageFormat.ENGINE_VERSION);
		return data;
	}
}
