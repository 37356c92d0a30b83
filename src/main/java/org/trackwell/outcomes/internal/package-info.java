@NullMarked
package org.trackwell.outcomes.internal;

import org.jspecify.annotations.NullMarked;
