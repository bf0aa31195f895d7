package org.gazette.content;

import java.util.List;

import org.gazette.format.Quantity;
import org.gazette.i18n.Localized;

/** Next year's plans. */
public record Plans(int year, List<Plan> items) {

    public Plans {
        items = List.copyOf(items);
    }

    /** One plan: what will be done, its numbers, and the places it names. */
    public record Plan(String id, String field, Localized title, Localized text, List<Target> targets, List<Localized> places) {
        public Plan {
            targets = List.copyOf(targets);
            places = List.copyOf(places);
        }
    }

    /**
     * A number a plan commits to; {@code figure}, when given, is the id of this year's figure it
     * carries on (in the same unit), so the plans chart can set the result beside the target.
     */
    public record Target(Localized label, Quantity value, String figure) {

        public Target(Localized label, Quantity value) {
            this(label, value, null);
        }
    }
}
