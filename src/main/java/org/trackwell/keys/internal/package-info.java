@NullMarked
package org.trackwell.keys.internal;

import org.jspecify.annotations.NullMarked;
