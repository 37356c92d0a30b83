package org.trackwell.shared;

import java.time.DateTimeException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page's form action reports back across its redirect: the action's "done" message, or the
 * refusal's words and points; a refusal the user may override asks for the box to be ticked, and
 * gives back what they typed so that ticking it is all they do. Malformed form values get one
 * plain sentence. A refusal that says the thing is not there for this user is not the form's to
 * report: it answers as the missing page it is, as on the API.
 */
public final class FormOutcome {

    private FormOutcome() {}

    public static void flash(RedirectAttributes redirect, Supplier<String> action) {
        flash(redirect, Map.of(), action);
    }

    /** As {@link #flash(RedirectAttributes, Supplier)}, giving {@code typed} back as "typed" if the user may override. */
    public static void flash(RedirectAttributes redirect, Map<String, String> typed, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (Refusal refused) {
            throwIfNotFound(refused);
            boolean overridable = refused.canBeAcknowledged();
            redirect.addFlashAttribute(
                    "error", refused.getMessage() + (overridable ? " Tick the box to save it anyway." : ""));
            if (overridable) {
                // Its message already names what it found; its details are codes for the API.
                redirect.addFlashAttribute("askAcknowledge", true);
                redirect.addFlashAttribute("typed", typed);
            } else {
                redirect.addFlashAttribute("problems", refused.details());
            }
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException badInput) {
            redirect.addFlashAttribute(
                    "error", "Check the form: a number, date, time or choice is not in the expected form.");
        }
    }

    /** For a page that reports its refusals itself: lets one that means "not there for you" through. */
    public static void throwIfNotFound(Refusal refused) {
        if (refused.status() == 404) {
            throw refused;
        }
    }
}
