package org.trackwell.outcomes.internal;

import org.trackwell.shared.Refusal;

/** An answer set with more items unanswered than its measure's rule for missing items allows. */
public final class AnswersIncomplete extends Refusal {

    public AnswersIncomplete(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Too many questions unanswered";
    }
}
