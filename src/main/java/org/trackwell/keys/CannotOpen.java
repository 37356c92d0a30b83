package org.trackwell.keys;

/**
 * A sealed value did not open: it was altered, moved to another place, or its key is gone. One
 * exception and no detail, as Tink does.
 */
public final class CannotOpen extends RuntimeException {

    CannotOpen() {
        super("the value cannot be opened", null, false, false);
    }
}
