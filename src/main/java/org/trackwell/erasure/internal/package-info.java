@NullMarked
package org.trackwell.erasure.internal;

import org.jspecify.annotations.NullMarked;
