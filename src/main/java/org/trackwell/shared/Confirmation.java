package org.trackwell.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * The confirmation step of a risky action, the same on every page. The action's form posts first
 * without {@value #CONFIRMED}; the action, changing nothing, answers with {@link #ask}: what will
 * happen, and two choices. Confirm posts the same form again, with everything the person filled in
 * and {@value #CONFIRMED}; Cancel goes back to {@code cancelTo}. A form that also has {@code
 * hx-post} and {@code hx-target="#confirm-dialog"} gets the step as a dialog over its page; without
 * script it is a page of its own.
 *
 * @param consequence what the action does that cannot simply be undone, in the user's words
 * @param confirmLabel the Confirm button's words, naming the action ("Close the episode")
 * @param cancelTo where Cancel leads: the page the form is on
 * @param askAgain the secret fields (a witness's password) the step never shows but asks for again,
 *     by name, with their labels; every other field whose name ends in "password" is dropped
 */
public record Confirmation(
        String question, String consequence, String confirmLabel, String cancelTo, Map<String, String> askAgain) {

    public Confirmation {
        askAgain = Map.copyOf(askAgain);
    }

    public Confirmation(String question, String consequence, String confirmLabel, String cancelTo) {
        this(question, consequence, confirmLabel, cancelTo, Map.of());
    }

    public static final String CONFIRMED = "confirmed";

    private static final String CSRF_FIELD = "_csrf";

    /** A field the confirm step posts again as it was sent (or, for a secret, the label to ask it by). */
    public record Field(String name, String value) {}

    /** The view that asks; nothing has changed. */
    public String ask(HttpServletRequest request, Model model) {
        model.addAttribute("confirmation", this);
        model.addAttribute(
                "confirmAction",
                request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute("confirmFields", carried(request.getParameterMap()));
        model.addAttribute(
                "confirmSecrets",
                askAgain.entrySet().stream()
                        .filter(secret -> request.getParameter(secret.getKey()) != null)
                        .map(secret -> new Field(secret.getKey(), secret.getValue()))
                        .toList());
        return request.getHeader("HX-Request") != null ? "confirm :: dialog" : "confirm";
    }

    private List<Field> carried(Map<String, String[]> parameters) {
        List<Field> fields = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!name.equals(CSRF_FIELD)
                    && !name.equals(CONFIRMED)
                    && !askAgain.containsKey(name)
                    && !name.toLowerCase(Locale.ROOT).endsWith("password")) {
                for (String value : values) {
                    fields.add(new Field(name, value));
                }
            }
        });
        return fields;
    }
}
