package dev.cabin.fleet;

/**
 * A staged rollout: the cars hawkBit's target filter selects, split into groups; the next group starts once the
 * success threshold of a group is reached, and the rollout pauses once its error threshold is passed. hawkBit
 * compares errors with a strict "more than", so only an error threshold of 0 pauses at the first failure.
 *
 * @param filter a hawkBit target filter query, e.g. {@code attribute.vehicle==aurora-s-cn}
 * @param successPercent the share of a group that must succeed before the next starts, 1 to 100
 * @param errorPercent the share of a group that may fail before the rollout pauses, 0 to 100
 */
public record RolloutPlan(String name, String filter, int groups, int successPercent, int errorPercent) {
}
