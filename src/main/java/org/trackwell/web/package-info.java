/** The shared page layout, error responses, security headers, HTTPS and static assets. */
@NullMarked
package org.trackwell.web;

import org.jspecify.annotations.NullMarked;
