@NullMarked
package org.trackwell.help.web;

import org.jspecify.annotations.NullMarked;
