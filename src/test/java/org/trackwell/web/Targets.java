package org.trackwell.web;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** What a route's references point at for one variant: a client, its episode, a user, and so on. */
record Targets(Map<Targets.Ref, String> refs) {

    /** The kinds of thing a route can name in its path, query or body. */
    enum Ref {
        CLIENT,
        TEAM,
        EPISODE,
        SESSION,
        GOAL,
        FLAG,
        CHART_LINK,
        CHART_TOKEN,
        CHART_PIN,
        MEASURE_TOKEN,
        MEASURE,
        MEDICINE,
        PRESCRIPTION,
        DOSE,
        ALERT,
        USER,
        PASSKEY
    }

    /** What belongs to one client: reaching them through another client must fail. */
    static final Set<Ref> A_CLIENTS =
            EnumSet.of(Ref.EPISODE, Ref.SESSION, Ref.GOAL, Ref.FLAG, Ref.CHART_LINK, Ref.PRESCRIPTION, Ref.DOSE);

    Targets {
        refs = Map.copyOf(refs);
    }

    static Targets of(Map<Ref, String> refs) {
        return new Targets(refs);
    }

    String get(Ref ref) {
        String value = refs.get(ref);
        if (value == null) {
            throw new IllegalStateException("no " + ref + " among " + refs.keySet());
        }
        return value;
    }

    Targets with(Ref ref, String value) {
        Map<Ref, String> changed = new EnumMap<>(Ref.class);
        changed.putAll(refs);
        changed.put(ref, value);
        return new Targets(changed);
    }

    /** These targets with the given ones' episode, dose, link and so on in place of this client's own. */
    Targets withThingsOf(Targets other, Set<Ref> things) {
        Targets changed = this;
        for (Ref thing : things) {
            changed = changed.with(thing, other.get(thing));
        }
        return changed;
    }
}
