@NullMarked
package org.trackwell.reports.web;

import org.jspecify.annotations.NullMarked;
