package org.trackwell.setup.internal;

/** An answer the survey cannot take, with the plain words saying why; nothing is saved. */
public class SurveyAnswerRefused extends RuntimeException {

    public SurveyAnswerRefused(String message) {
        super(message);
    }
}
