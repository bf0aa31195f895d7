package org.gazette.bulletin;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.openhtmltopdf.util.XRLog;

/**
 * The settings the PDF libraries read from the whole JVM — openhtmltopdf's and PDFBox's logging,
 * PDFBox's font mapper — made once, by the first {@link BulletinRenderer}, not as a side effect of
 * loading a class.
 */
final class PdfEngines {

    private PdfEngines() {}

    private static final AtomicBoolean PDF = new AtomicBoolean();

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.pdfbox"), Logger.getLogger("org.apache.fontbox"));

    /**
     * openhtmltopdf and PDFBox: their log lines never reach the terminal (a picture the renderer could
     * not draw still reaches each render's diagnostic consumer, which needs logging switched on), and
     * PDFBox never scans the machine's fonts ({@link Fonts#useOnlyBundledFonts()}).
     */
    static void quietPdf() {
        if (!PDF.compareAndSet(false, true)) return;
        // PDFBox logs through commons-logging: route it to java.util.logging (silenced below) even when
        // another logging library happens to be on the class path.
        if (System.getProperty("org.apache.commons.logging.Log") == null) {
            System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.Jdk14Logger");
        }
        XRLog.setLoggerImpl(new com.openhtmltopdf.util.XRLogger() {
            @Override
            public void log(String where, Level level, String msg) {}

            @Override
            public void log(String where, Level level, String msg, Throwable th) {}

            @Override
            public void setLevel(String logger, Level level) {}

            @Override
            public boolean isLogLevelEnabled(com.openhtmltopdf.util.Diagnostic d) {
                return d.getLevel().intValue() >= Level.WARNING.intValue();
            }

            @Override
            public void log(com.openhtmltopdf.util.Diagnostic d) {}
        });
        XRLog.setLoggingEnabled(true);
        QUIET.forEach(l -> l.setLevel(Level.OFF));
        Fonts.useOnlyBundledFonts();
    }
}
