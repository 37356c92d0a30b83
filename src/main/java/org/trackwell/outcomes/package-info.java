/**
 * Outcome measurement: the measure catalogue and its scoring, sessions and attendance, measures
 * answered at sessions, goals and problems in the client's own words, client links and charts.
 */
@NullMarked
package org.trackwell.outcomes;

import org.jspecify.annotations.NullMarked;
