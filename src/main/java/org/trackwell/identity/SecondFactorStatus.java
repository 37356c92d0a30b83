package org.trackwell.identity;

/** Whether a user signs in with an authenticator app, and how many recovery codes they have left. */
public record SecondFactorStatus(boolean authenticatorApp, int recoveryCodesLeft) {}
