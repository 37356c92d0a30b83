package org.trackwell.clients;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.trackwell.audit.AuditAction;

/**
 * Marks a controller's {@link ClientRef} parameter: the client that the request's {@code {code}}
 * names, found once at the edge within the signed-in user's reach. A client beyond reach is "not
 * found" to the user and recorded as {@code client.access-denied}. Services take the reference and
 * never look the client up again.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReachedClient {

    /** The part of the record the request needs: carers may reach the medication record only. */
    Need value() default Need.CLINICAL_RECORD;

    /**
     * For a request that reads the client's record: the one entry it leaves in the audit trail,
     * however many parts of the record its page shows. Empty for a change, whose service records
     * what changed.
     */
    AuditAction[] viewed() default {};

    /**
     * The form field that names the client, for a form posted from outside the client's own pages
     * (the medication round's, which records for many clients); empty for the route's {@code
     * {code}}.
     */
    String field() default "";

    enum Need {
        CLINICAL_RECORD,
        MEDICATION_RECORD,
        /**
         * Who accessed the clinical record: for the managers of the client's team only, refused to
         * anyone else before the look is recorded.
         */
        ACCESS_LOG
    }
}
