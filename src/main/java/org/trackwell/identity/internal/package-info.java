@NullMarked
package org.trackwell.identity.internal;

import org.jspecify.annotations.NullMarked;
