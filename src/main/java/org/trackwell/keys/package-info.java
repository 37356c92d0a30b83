/**
 * The key hierarchy: a master key outside the database wraps one data key set per tenant; fields
 * are sealed under the tenant's key, bound to their place. Per-client keys and rotation follow.
 */
@NullMarked
package org.trackwell.keys;

import org.jspecify.annotations.NullMarked;
