/**
 * Outcome measurement: the measure catalogue and its scoring, sessions and attendance, measures
 * answered at sessions, goals and problems in the client's own words, client links and charts.
 * Its API for other modules: {@link TalkingTherapies} (the outcome definitions for reports) and
 * {@link ClientOutcomes} (a client's scores and goals at a glance, for the client summary).
 */
@NullMarked
package org.trackwell.outcomes;

import org.jspecify.annotations.NullMarked;
