@NullMarked
package org.trackwell.operator.internal;

import org.jspecify.annotations.NullMarked;
