package org.trackwell.shared;

/**
 * Step-up for sensitive actions (exports, deleting a client, changing security policy,
 * witnessing a controlled drug): the signed-in user must have proved who they are, by password or
 * second factor, within the last few minutes. Call it first in the action.
 */
public interface StepUp {

    /** Returns if the current user confirmed who they are recently; else throws {@link ConfirmItIsYou}. */
    void requireRecentConfirmation();
}
