/** The tenant admins' page of e-mail not yet delivered. */
@NullMarked
package org.trackwell.mail.web;

import org.jspecify.annotations.NullMarked;
