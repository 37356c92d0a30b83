/** The operator's tools: the command line in the jar, the first start, detailed health. */
@NullMarked
package org.trackwell.operator;

import org.jspecify.annotations.NullMarked;
