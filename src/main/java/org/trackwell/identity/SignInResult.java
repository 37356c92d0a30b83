package org.trackwell.identity;

import java.time.Instant;

/** The answer to a correct password: a session, or a challenge to answer with a second factor. */
public sealed interface SignInResult {

    record SignedIn(SessionToken session) implements SignInResult {}

    record SecondFactorNeeded(String challenge, Instant expiresAt) implements SignInResult {

        @Override
        public String toString() {
            return "SecondFactorNeeded[challenge=***, expiresAt=" + expiresAt + "]";
        }
    }
}
