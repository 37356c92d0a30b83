/**
 * Taking a tenant's data away: one client's record or the whole tenant as FHIR R4 Bundles, and the
 * whole tenant as a documented, versioned, password-encrypted archive (docs/exports.md).
 */
@NullMarked
package org.trackwell.portability;

import org.jspecify.annotations.NullMarked;
