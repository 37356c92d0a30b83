package org.trackwell.identity;

import org.trackwell.shared.UserId;

/** A new user and the one-time link that lets them choose a password (shown to the admin once). */
public record Invitation(UserId user, SetupLink link) {}
