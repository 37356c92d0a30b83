/**
 * The audit trail's API routes, and the one view of an entry ({@link
 * org.trackwell.audit.web.AuditEntryView}) that the other modules' routes answer with too.
 */
@NullMarked
@NamedInterface("web")
package org.trackwell.audit.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
