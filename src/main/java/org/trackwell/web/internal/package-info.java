@NullMarked
package org.trackwell.web.internal;

import org.jspecify.annotations.NullMarked;
