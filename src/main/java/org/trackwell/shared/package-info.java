/** Identifier types and the few primitives every module shares: time, randomness, the current tenant. */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.trackwell.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
