package org.trackwell.identity;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where attempts wait in this node for their turn at {@link Admission}, so that they queue in
 * memory instead of asking the database again every few milliseconds (a burst of sign-ins from
 * one address used to spend more CPU asking than hashing). The database's lock and counts stay the
 * rule, across nodes: this only decides when to ask. Attempts from one address are admitted one
 * at a time here too, in order of arrival, so the database's turn is free at the first try unless
 * another node holds it. An attempt at an account whose places are all taken sleeps until an
 * attempt in this node ends, or for a growing pause when the places are held in other nodes.
 */
@Component
class Turns {

    private static final int STRIPES = 256;

    private final ReentrantLock[] addresses = new ReentrantLock[STRIPES];
    private final ReentrantLock places = new ReentrantLock();
    private final Condition placeFreed = places.newCondition();

    Turns() {
        for (int i = 0; i < STRIPES; i++) {
            addresses[i] = new ReentrantLock(true);
        }
    }

    /**
     * Runs the admission once no other attempt from the address is being admitted in this node;
     * {@link TooManyAttempts} if that did not happen before {@code giveUpNanos} ({@link
     * System#nanoTime()}).
     */
    <T> T inAddressTurn(String address, long giveUpNanos, Supplier<T> admission) throws InterruptedException {
        ReentrantLock turn = addresses[Math.floorMod(address.hashCode(), STRIPES)];
        if (!turn.tryLock(Math.max(0, giveUpNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new TooManyAttempts(Duration.ofSeconds(1));
        }
        try {
            return admission.get();
        } finally {
            turn.unlock();
        }
    }

    /** Sleeps until an attempt in this node ends and frees its place, or for {@code longest}. */
    void awaitPlace(Duration longest) throws InterruptedException {
        places.lock();
        try {
            placeFreed.await(longest.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            places.unlock();
        }
    }

    /**
     * An attempt ended: wakes one waiting attempt, once the current transaction (if any) has ended
     * and its counts are visible. One, not all: every woken attempt asks the database again.
     */
    void placeFreed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    wakeOne();
                }
            });
        } else {
            wakeOne();
        }
    }

    private void wakeOne() {
        places.lock();
        try {
            placeFreed.signal();
        } finally {
            places.unlock();
        }
    }
}
