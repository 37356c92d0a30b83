package org.trackwell.outcomes.internal;

import java.util.List;
import org.trackwell.shared.Refusal;

/** A measure definition that cannot be used, with every reason. */
public final class DefinitionInvalid extends Refusal {

    private final List<String> problems;

    public DefinitionInvalid(List<String> problems) {
        super("The measure definition cannot be used.");
        this.problems = List.copyOf(problems);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Measure definition invalid";
    }

    @Override
    public List<String> details() {
        return problems;
    }
}
