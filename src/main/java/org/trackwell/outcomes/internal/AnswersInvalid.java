package org.trackwell.outcomes.internal;

import org.trackwell.shared.Refusal;

/** Answers that do not fit the measure: an unknown item or an answer it does not offer. */
public final class AnswersInvalid extends Refusal {

    public AnswersInvalid(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Answers do not fit the measure";
    }
}
