@NullMarked
package org.trackwell.database.internal;

import org.jspecify.annotations.NullMarked;
