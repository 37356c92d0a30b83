package org.trackwell.medication.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignIn;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.User;
import org.trackwell.shared.UserId;

/**
 * The second signature on a controlled drug, or on any dose the service's settings ask to be
 * witnessed: another member of staff who gives or handles medication, confirming with their own
 * password or second-factor code on the same screen. It runs outside the action's transaction, so a
 * wrong answer is counted even though the action is refused.
 */
@Component
class Witnessing {

    private final SignIn signIn;

    Witnessing(SignIn signIn) {
        this.signIn = signIn;
    }

    UserId confirm(SignedInUser user, @Nullable Witness witness, ClientInfo client) {
        return confirm(user, witness, client, true);
    }

    /** As for a controlled drug; {@code controlled} false when the service's settings ask for it. */
    UserId confirm(SignedInUser user, @Nullable Witness witness, ClientInfo client, boolean controlled) {
        if (witness == null || Medicines.blank(witness.email())) {
            throw MedicationRefused.invalid(
                    controlled
                            ? "A controlled drug needs a second member of staff to witness it with their own password or code."
                            : "Your service asks for a second member of staff to witness this dose with their own password or code.");
        }
        User confirmed = signIn.confirmWitness(witness.email(), witness.password(), witness.code(), client);
        if (confirmed.id().equals(user.id())) {
            throw MedicationRefused.invalid("The witness must be someone else.");
        }
        boolean staff = confirmed.roles().contains(Role.CARER)
                || confirmed.roles().contains(Role.PRACTITIONER)
                || confirmed.roles().contains(Role.MANAGER);
        if (!staff) {
            throw MedicationRefused.invalid("The witness must be a carer, practitioner or manager.");
        }
        return confirmed.id();
    }
}
