package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.SecondFactorStatus;
import org.trackwell.identity.SecondFactors;
import org.trackwell.identity.SignIn;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.TotpEnrolment;
import org.trackwell.shared.StepUp;

/** One's own second factors, and confirming who one is before a sensitive action. */
@RestController
@RequestMapping("/api/v1/me")
class SecondFactorApi {

    record CodeRequest(@NotBlank @Size(max = 64) String code) {

        @Override
        public String toString() {
            return "CodeRequest[***]";
        }
    }

    record RecoveryCodes(List<String> recoveryCodes) {}

    record Confirmation(
            @Nullable @Size(max = 1024) String password,
            @Nullable @Size(max = 64) String code) {

        @Override
        public String toString() {
            return "Confirmation[***]";
        }
    }

    private final SecondFactors secondFactors;
    private final SignIn signIn;
    private final StepUp stepUp;

    SecondFactorApi(SecondFactors secondFactors, SignIn signIn, StepUp stepUp) {
        this.secondFactors = secondFactors;
        this.signIn = signIn;
        this.stepUp = stepUp;
    }

    record SecondFactorStatusView(boolean authenticatorApp, int passkeys, int recoveryCodesLeft) {

        static SecondFactorStatusView of(SecondFactorStatus status) {
            return new SecondFactorStatusView(status.authenticatorApp(), status.passkeys(), status.recoveryCodesLeft());
        }
    }

    @GetMapping("/mfa")
    SecondFactorStatusView status(@AuthenticationPrincipal SignedInUser user) {
        return SecondFactorStatusView.of(secondFactors.status(user.id()));
    }

    /** An authenticator app's secret, shown this once to be set up. */
    record TotpEnrolmentView(String secret, String otpauthUri) {

        static TotpEnrolmentView of(TotpEnrolment enrolment) {
            return new TotpEnrolmentView(enrolment.secret(), enrolment.otpauthUri());
        }

        @Override
        public String toString() {
            return "TotpEnrolmentView[***]";
        }
    }

    @PostMapping("/mfa/totp")
    TotpEnrolmentView startTotp(@AuthenticationPrincipal SignedInUser user) {
        return TotpEnrolmentView.of(secondFactors.startTotp(user));
    }

    @PostMapping("/mfa/totp/confirm")
    RecoveryCodes confirmTotp(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody CodeRequest body) {
        return new RecoveryCodes(secondFactors.confirmTotp(user, body.code()));
    }

    @PostMapping("/mfa/recovery-codes")
    RecoveryCodes replaceRecoveryCodes(@AuthenticationPrincipal SignedInUser user) {
        stepUp.requireRecentConfirmation();
        return new RecoveryCodes(secondFactors.replaceRecoveryCodes(user));
    }

    @PostMapping("/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirm(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody Confirmation body,
            HttpServletRequest request) {
        signIn.confirmIdentity(user, body.password(), body.code(), ClientInfo.of(request));
    }
}
