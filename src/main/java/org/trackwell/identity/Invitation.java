package org.trackwell.identity;

import org.trackwell.mail.Delivery;
import org.trackwell.shared.UserId;

/**
 * A new user and the one-time link that lets them choose a password (shown to the admin once), with
 * what became of the e-mail that carried it: when it did not go, the admin hands the link over.
 */
public record Invitation(UserId user, SetupLink link, Delivery delivery) {}
