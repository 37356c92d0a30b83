package org.trackwell.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.trackwell.identity.SessionToken;
import org.trackwell.identity.SignInResult;

/** The JSON bodies of signing in and of redeeming a set-up token, for users and operators alike. */
final class SignInBodies {

    private SignInBodies() {}

    record LoginRequest(
            @NotBlank @Size(max = 320) String email,
            @NotNull @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + ", password=***]";
        }
    }

    record LoginResponse(String token, Instant expiresAt, int idleTimeoutSeconds) {

        static LoginResponse of(SessionToken session) {
            return new LoginResponse(session.token(), session.expiresAt(), session.idleTimeoutSeconds());
        }

        @Override
        public String toString() {
            return "LoginResponse[token=***]";
        }
    }

    record ChallengeResponse(boolean secondFactorRequired, String challenge, Instant expiresAt) {

        static ChallengeResponse of(SignInResult.SecondFactorNeeded needed) {
            return new ChallengeResponse(true, needed.challenge(), needed.expiresAt());
        }

        @Override
        public String toString() {
            return "ChallengeResponse[challenge=***]";
        }
    }

    record SecondFactorRequest(
            @NotBlank @Size(max = 100) String challenge,
            @NotBlank @Size(max = 64) String code) {

        @Override
        public String toString() {
            return "SecondFactorRequest[***]";
        }
    }

    record ResetRequest(@NotBlank @Size(max = 320) String email) {}

    record ResetCompletion(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(max = 1024) String password,
            @Nullable @Size(max = 64) String code) {

        @Override
        public String toString() {
            return "ResetCompletion[***]";
        }
    }

    record SetupRequest(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "SetupRequest[***]";
        }
    }
}
