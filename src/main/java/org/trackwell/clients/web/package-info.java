@NullMarked
package org.trackwell.clients.web;

import org.jspecify.annotations.NullMarked;
