@NullMarked
package org.trackwell.monitoring.internal;

import org.jspecify.annotations.NullMarked;
