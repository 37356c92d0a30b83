@NullMarked
package org.trackwell.portability.web;

import org.jspecify.annotations.NullMarked;
