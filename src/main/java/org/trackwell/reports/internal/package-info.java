@NullMarked
package org.trackwell.reports.internal;

import org.jspecify.annotations.NullMarked;
