/**
 * Self-monitoring: integrity checks of the installed files, the schema, the audit trail, the
 * database and operations; alerts, and their delivery by e-mail and signed webhooks.
 */
@NullMarked
package org.trackwell.monitoring;

import org.jspecify.annotations.NullMarked;
