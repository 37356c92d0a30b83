@NullMarked
package org.trackwell.clients.internal;

import org.jspecify.annotations.NullMarked;
