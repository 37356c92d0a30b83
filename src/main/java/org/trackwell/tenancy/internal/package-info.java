@NullMarked
package org.trackwell.tenancy.internal;

import org.jspecify.annotations.NullMarked;
