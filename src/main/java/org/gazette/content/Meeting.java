package org.gazette.content;

import java.time.LocalDate;
import java.util.List;

import org.gazette.format.Quantity;
import org.gazette.i18n.Localized;

/**
 * The meeting where the year was reviewed. {@code place}, {@code attendance} and {@code theme} may be
 * null; so may {@code date} while a new year's report waits for it ("date:" left empty).
 */
public record Meeting(Localized title, LocalDate date, String session, Localized place, Quantity attendance,
                      List<Localized> attendees, List<Localized> agenda, Localized theme) {

    public static final List<String> SESSIONS = List.of("morning", "afternoon", "evening", "all-day");

    public Meeting {
        attendees = List.copyOf(attendees);
        agenda = List.copyOf(agenda);
    }
}
