@NullMarked
package org.trackwell.identity.web;

import org.jspecify.annotations.NullMarked;
