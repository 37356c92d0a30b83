/** How the mail module reaches the SMTP server and keeps what it could not send. */
@NullMarked
package org.trackwell.mail.internal;

import org.jspecify.annotations.NullMarked;
