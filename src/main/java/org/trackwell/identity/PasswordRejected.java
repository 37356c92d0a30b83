package org.trackwell.identity;

import java.util.List;
import org.trackwell.shared.Refusal;

/** A new password broke one or more rules; each reason is written for the user. */
public final class PasswordRejected extends Refusal {

    private final List<String> reasons;

    public PasswordRejected(List<String> reasons) {
        super(String.join(" ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    @Override
    public List<String> details() {
        return reasons;
    }

    public List<String> reasons() {
        return reasons;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Password not accepted";
    }
}
