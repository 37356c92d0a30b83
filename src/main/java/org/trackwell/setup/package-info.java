/**
 * The implementation survey: a guided first-run wizard that agrees the service's needs, applies
 * them as settings through each module's own services, and keeps the implementation record.
 */
@NullMarked
package org.trackwell.setup;

import org.jspecify.annotations.NullMarked;
