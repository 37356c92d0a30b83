/** Client records, pseudonym codes, optional encrypted identifiers, allocation, episodes of care, consent, PII warnings. */
@NullMarked
package org.trackwell.clients;

import org.jspecify.annotations.NullMarked;
