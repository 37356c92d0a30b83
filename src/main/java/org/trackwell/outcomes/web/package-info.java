@NullMarked
package org.trackwell.outcomes.web;

import org.jspecify.annotations.NullMarked;
