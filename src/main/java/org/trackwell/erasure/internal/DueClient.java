package org.trackwell.erasure.internal;

import java.time.LocalDate;
import org.trackwell.clients.ClientRef;

/** A client whose record the retention settings no longer keep: due for erasure since {@code dueOn}. */
public record DueClient(ClientRef client, boolean child, LocalDate lastContact, LocalDate dueOn) {}
