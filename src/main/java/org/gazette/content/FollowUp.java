package org.gazette.content;

import java.util.List;

import org.gazette.i18n.Localized;

/** How the plans will be followed up: the mechanism in prose and its measures. */
public record FollowUp(Localized text, List<Localized> measures) {

    public FollowUp {
        measures = List.copyOf(measures);
    }
}
