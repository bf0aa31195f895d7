package org.gazette.content;

import java.time.LocalDate;
import java.util.List;

import org.gazette.i18n.Localized;

/**
 * The printed bulletin (简报) of a year: its name and issue number, the issuing unit and date
 * (null: the site's office, the meeting's date), and the distribution block — who it is reported
 * to (报), sent to (送) and issued to (发) — with the number of copies printed.
 */
public record Bulletin(Localized name, int issue, Localized issuer, LocalDate date, List<Distribution> distribution, Integer copies) {

    public static final List<String> ROLES = List.of("report", "send", "issue");

    public Bulletin {
        distribution = List.copyOf(distribution);
    }

    /** One line of the distribution block: a role (report 报, send 送, issue 发) and its recipients. */
    public record Distribution(String role, List<Localized> recipients) {
        public Distribution {
            recipients = List.copyOf(recipients);
        }
    }
}
