package org.trackwell.shared;

import java.time.DateTimeException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page's form action reports back across its redirect: the action's "done" message, or the
 * refusal's words and points; a refusal the user may override asks for the box to be ticked.
 * Malformed form values get one plain sentence. A refusal that says the thing is not there for
 * this user is not the form's to report: it answers as the missing page it is, as on the API.
 */
public final class FormOutcome {

    private FormOutcome() {}

    public static void flash(RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (Refusal refused) {
            throwIfNotFound(refused);
            boolean overridable = refused.canBeAcknowledged();
            redirect.addFlashAttribute(
                    "error", refused.getMessage() + (overridable ? " Tick the box to save it anyway." : ""));
            redirect.addFlashAttribute("problems", refused.details());
            if (overridable) {
                redirect.addFlashAttribute("askAcknowledge", true);
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
