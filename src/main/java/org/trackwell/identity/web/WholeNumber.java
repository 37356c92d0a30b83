package org.trackwell.identity.web;

/** Reads a whole number typed into a settings form, refusing anything else in words. */
final class WholeNumber {

    private WholeNumber() {}

    /** What the form said instead of a whole number; the page shows its message. */
    static final class NotAWholeNumber extends RuntimeException {

        NotAWholeNumber(String what) {
            super(what + " must be a whole number, such as 15.");
        }
    }

    static int read(String typed, String what) {
        String trimmed = typed.strip();
        if (!trimmed.matches("[0-9]{1,6}")) {
            throw new NotAWholeNumber(what);
        }
        return Integer.parseInt(trimmed);
    }

    static int minutesAsSeconds(String typed, String what) {
        return read(typed, what) * 60;
    }
}
