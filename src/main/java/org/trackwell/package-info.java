@NullMarked
package org.trackwell;

import org.jspecify.annotations.NullMarked;
