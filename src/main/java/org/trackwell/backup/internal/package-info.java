@NullMarked
package org.trackwell.backup.internal;

import org.jspecify.annotations.NullMarked;
