package org.gazette.render;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The setting FreeMarker reads from the whole JVM — its logging — made once, by the first object
 * that needs it ({@link Templates}, {@link Localizer}), not as a side effect of loading a class
 * (the PDF libraries' settings are the bulletin package's own: PdfEngines). Gazette reports what matters
 * in its own words; the libraries stay quiet on the user's terminal.
 */
final class Engines {

    private Engines() {}

    private static final AtomicBoolean TEMPLATES = new AtomicBoolean();

    /** FreeMarker's own log silent, whichever logging library is on the class path: before any FreeMarker class initialises. */
    static void quietTemplates() {
        if (TEMPLATES.compareAndSet(false, true)) System.setProperty("org.freemarker.loggerLibrary", "none");
    }
}
