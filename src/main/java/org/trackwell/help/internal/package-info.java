@NullMarked
package org.trackwell.help.internal;

import org.jspecify.annotations.NullMarked;
