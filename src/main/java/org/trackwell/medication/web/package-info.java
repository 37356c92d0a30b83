@NullMarked
package org.trackwell.medication.web;

import org.jspecify.annotations.NullMarked;
