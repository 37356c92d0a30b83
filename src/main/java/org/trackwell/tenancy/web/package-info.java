@NullMarked
package org.trackwell.tenancy.web;

import org.jspecify.annotations.NullMarked;
