package dev.cabin.vss;

/**
 * A unit of units.yaml.
 *
 * @param id       the id nodes use ({@code km/h}, {@code Celsius})
 * @param label    the unit's name ({@code kilometer per hour})
 * @param quantity the quantity it measures ({@code velocity})
 */
public record VssUnit(String id, String label, String quantity) {
}
