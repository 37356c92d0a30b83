package org.trackwell.shared;

import io.micrometer.core.instrument.Counter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Counts what was written only once it is: an event whose transaction rolls back never happened. */
public final class AfterCommit {

    private AfterCommit() {}

    /** Counts one at the commit of the current transaction, or at once outside a transaction. */
    public static void increment(Counter counter) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
