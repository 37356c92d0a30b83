@NullMarked
package org.trackwell.setup.web;

import org.jspecify.annotations.NullMarked;
