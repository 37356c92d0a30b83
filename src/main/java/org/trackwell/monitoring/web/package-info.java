@NullMarked
package org.trackwell.monitoring.web;

import org.jspecify.annotations.NullMarked;
