@NullMarked
package org.trackwell.medication.internal;

import org.jspecify.annotations.NullMarked;
