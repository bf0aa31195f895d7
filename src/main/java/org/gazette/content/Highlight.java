package org.gazette.content;

import org.gazette.i18n.Localized;

/** The year's results in one field, in prose. */
public record Highlight(String field, Localized text) {}
