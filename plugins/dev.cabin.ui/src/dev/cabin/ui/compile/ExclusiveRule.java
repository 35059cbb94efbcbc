package dev.cabin.ui.compile;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

/** A scheduling rule that conflicts only with itself: the jobs that hold it run one after another. */
public final class ExclusiveRule implements ISchedulingRule {

	@Override
	public boolean contains(ISchedulingRule rule) {
		return rule == this;
	}

	@Override
	public boolean isConflicting(ISchedulingRule rule) {
		return rule == this;
	}
}
