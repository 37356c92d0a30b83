package org.trackwell.identity.internal;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.trackwell.identity.SecurityPolicy;

/**
 * The rules a new password must pass, each failure said in plain words. The blocklist is
 * zxcvbn's list of the 30,000 most common passwords; the strength estimate is zxcvbn's score,
 * which must be at least 3 of 4.
 */
@Component
public class PasswordRules {

    static final int MIN_STRENGTH = 3;

    private final Set<String> common;
    private final Zxcvbn zxcvbn = new Zxcvbn();

    PasswordRules() {
        try {
            Dictionary passwords = StandardDictionaries.PASSWORDS_LOADER.load();
            this.common = new HashSet<>(passwords.getRankedDictionary().keySet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context words a password may not contain: the user's e-mail and its parts, the tenant. */
    public record Context(String email, String displayName, String tenantName) {

        @Override
        public String toString() {
            return "Context[***]";
        }
    }

    public List<String> failures(String password, Context context, SecurityPolicy policy) {
        String normalised = PasswordHasher.normalised(password);
        int length = normalised.codePointCount(0, normalised.length());
        List<String> failures = new ArrayList<>();
        if (length < policy.minPasswordLength()) {
            failures.add("Use at least " + policy.minPasswordLength() + " characters.");
        }
        if (length > SecurityPolicy.MAX_PASSWORD_LENGTH) {
            failures.add("Use at most " + SecurityPolicy.MAX_PASSWORD_LENGTH + " characters.");
        }
        String lower = normalised.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.strip())) {
            failures.add("This is one of the most common passwords.");
        }
        if (containsContextWord(lower, context)) {
            failures.add("Do not use your name, e-mail address or the service's name in your password.");
        }
        if (policy.compositionRules()) {
            failures.addAll(compositionFailures(normalised));
        }
        if (failures.isEmpty()
                && zxcvbn.measure(normalised, contextWords(context)).getScore() < MIN_STRENGTH) {
            failures.add("This password is too easy to guess. Try a longer phrase of unrelated words.");
        }
        return failures;
    }

    private static List<String> compositionFailures(String password) {
        List<String> failures = new ArrayList<>();
        if (password.chars().noneMatch(Character::isUpperCase)) {
            failures.add("Include an upper-case letter.");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            failures.add("Include a lower-case letter.");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            failures.add("Include a digit.");
        }
        if (password.chars().allMatch(Character::isLetterOrDigit)) {
            failures.add("Include a symbol or a space.");
        }
        return failures;
    }

    private static boolean containsContextWord(String password, Context context) {
        return contextWords(context).stream().anyMatch(password::contains);
    }

    private static List<String> contextWords(Context context) {
        List<String> words = new ArrayList<>();
        String email = context.email().toLowerCase(Locale.ROOT);
        words.add(email);
        int at = email.indexOf('@');
        if (at > 0) {
            words.add(email.substring(0, at));
            words.addAll(List.of(email.substring(0, at).split("[._+-]")));
            String domain = email.substring(at + 1);
            words.add(domain.split("\\.")[0]);
        }
        words.addAll(List.of(context.displayName().toLowerCase(Locale.ROOT).split("\\s+")));
        words.add(context.tenantName().toLowerCase(Locale.ROOT).replaceAll("\\s+", ""));
        words.addAll(List.of(context.tenantName().toLowerCase(Locale.ROOT).split("\\s+")));
        return words.stream()
                .map(String::strip)
                .filter(word -> word.length() >= 4)
                .distinct()
                .toList();
    }
}
