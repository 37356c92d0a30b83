/** Tenants, their host names and certificates, and the tenant context of a request. */
@NullMarked
package org.trackwell.tenancy;

import org.jspecify.annotations.NullMarked;
