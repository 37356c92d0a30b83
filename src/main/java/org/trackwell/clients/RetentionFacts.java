package org.trackwell.clients;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a retention rule needs to know of a client, and nothing more: the year of birth when the
 * service records it, and the last contact (the latest referral, closure or note, else when the
 * client was added).
 */
public record RetentionFacts(ClientRef client, @Nullable Integer yearOfBirth, LocalDate lastContact) {}
