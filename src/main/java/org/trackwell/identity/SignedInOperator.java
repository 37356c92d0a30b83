package org.trackwell.identity;

import org.trackwell.audit.Actor;
import org.trackwell.shared.UserId;

/** An operator signed in on the operator's host. Operators never act inside a tenant. */
public record SignedInOperator(UserId id, String email, String sessionKey, boolean mustEnrolSecondFactor) {

    public Actor asActor() {
        return new Actor(Actor.Type.OPERATOR, id.toString(), "OPERATOR");
    }

    @Override
    public String toString() {
        return "SignedInOperator[id=" + id + "]";
    }
}
