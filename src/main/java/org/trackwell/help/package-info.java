/** The help centre: pages rendered from docs/help, a help link on every page, first-time tips. */
@NullMarked
package org.trackwell.help;

import org.jspecify.annotations.NullMarked;
