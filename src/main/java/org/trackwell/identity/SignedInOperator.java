package org.trackwell.identity;

import org.trackwell.audit.Actor;
import org.trackwell.identity.internal.Realm;
import org.trackwell.shared.UserId;

/**
 * An operator signed in on the operator's host: a session of the installation realm. It is a type
 * of its own so that no tenant route or service, which take a {@link SignedInUser}, can be handed
 * one. Operators never act inside a tenant.
 */
public record SignedInOperator(SignedInUser session) {

    public SignedInOperator {
        if (!Realm.isInstallation(session.tenant())) {
            throw new IllegalArgumentException("not an operator's session");
        }
    }

    public UserId id() {
        return session.id();
    }

    public boolean mustEnrolSecondFactor() {
        return session.mustEnrolSecondFactor();
    }

    public Actor asActor() {
        return session.asActor();
    }

    @Override
    public String toString() {
        return "SignedInOperator[id=" + id() + "]";
    }
}
