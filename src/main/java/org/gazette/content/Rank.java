package org.gazette.content;

import org.gazette.i18n.Localized;

/** A place in a ranking: {@code position} of {@code of}, among {@code peers} (e.g. the city's six urban districts). */
public record Rank(int position, int of, Localized peers) {}
