@NullMarked
package org.trackwell.audit.internal;

import org.jspecify.annotations.NullMarked;
