package org.gazette.desk;

import java.nio.file.Path;

import org.gazette.TestSites;
import org.gazette.site.Build;

/** A check of a content folder with drafts shown, as the preview builds it. */
final class OptionalFieldsCheck {

    private OptionalFieldsCheck() {}

    static Build.Result check(Path content) {
        var publishing = new org.gazette.content.Publishing(java.time.Instant.parse("2026-12-07T00:00:00Z"), true);
        return new Build(new Build.Options(content, TestSites.TEMPLATES, content.resolveSibling("unused-out"), false, publishing, true, false)).run(false);
    }
}
