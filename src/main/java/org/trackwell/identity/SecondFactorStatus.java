package org.trackwell.identity;

/** Whether a user signs in with an authenticator app, how many passkeys they have, and recovery codes left. */
public record SecondFactorStatus(boolean authenticatorApp, int passkeys, int recoveryCodesLeft) {}
