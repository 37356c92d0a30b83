package org.trackwell.shared;

import java.time.DateTimeException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page's form action reports back across its redirect: the action's "done" message, or the
 * refusal's words and points, with what the user typed given back as "typed" so that the form
 * shows it again and they fix only what was wrong; a refusal the user may override also asks for
 * the box to be ticked. Malformed form values get one plain sentence, and what was typed back too.
 * A refusal that says the thing is not there for this user is not the form's to report: it
 * answers as the missing page it is, as on the API.
 */
public final class FormOutcome {

    private FormOutcome() {}

    public static void flash(RedirectAttributes redirect, Supplier<String> action) {
        flash(redirect, Map.of(), action);
    }

    /**
     * As {@link #flash(RedirectAttributes, Supplier)}, giving {@code typed} back as "typed" on any
     * error. It holds what the form shows again: never a password or a second-factor code.
     */
    public static void flash(RedirectAttributes redirect, Map<String, String> typed, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (Refusal refused) {
            throwIfNotFound(refused);
            if (refused instanceof ConfirmItIsYou) {
                // Not the form's to report: the user is taken to confirm it is them, then back.
                throw refused;
            }
            boolean overridable = refused.canBeAcknowledged();
            redirect.addFlashAttribute(
                    "error", refused.getMessage() + (overridable ? " Tick the box to save it anyway." : ""));
            redirect.addFlashAttribute("typed", typed);
            if (overridable) {
                // Its message already names what it found; its details are codes for the API.
                redirect.addFlashAttribute("askAcknowledge", true);
            } else {
                redirect.addFlashAttribute("problems", refused.details());
            }
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException badInput) {
            redirect.addFlashAttribute(
                    "error", "Check the form: a number, date, time or choice is not in the expected form.");
            redirect.addFlashAttribute("typed", typed);
        }
    }

    /** For a page that reports its refusals itself: lets one that means "not there for you" through. */
    public static void throwIfNotFound(Refusal refused) {
        if (refused.status() == 404) {
            throw refused;
        }
    }
}
