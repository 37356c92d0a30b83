@NullMarked
package org.trackwell.audit.web;

import org.jspecify.annotations.NullMarked;
