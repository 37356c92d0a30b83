@NullMarked
package org.trackwell.erasure.web;

import org.jspecify.annotations.NullMarked;
