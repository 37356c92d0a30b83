package org.trackwell.identity;

/** What an authenticator app needs to be set up: the secret as text and as an otpauth URI. */
public record TotpEnrolment(String secret, String otpauthUri) {

    @Override
    public String toString() {
        return "TotpEnrolment[***]";
    }
}
