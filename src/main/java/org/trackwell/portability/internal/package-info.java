@NullMarked
package org.trackwell.portability.internal;

import org.jspecify.annotations.NullMarked;
