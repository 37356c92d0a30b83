@NullMarked
package org.trackwell.operator.web;

import org.jspecify.annotations.NullMarked;
