/** Outgoing e-mail through the configured SMTP server. */
@NullMarked
package org.trackwell.mail;

import org.jspecify.annotations.NullMarked;
