@NullMarked
package org.trackwell.setup.internal;

import org.jspecify.annotations.NullMarked;
