package org.gazette.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gazette.format.Units;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Problem;

/**
 * The JSON Schemas in the content folder ({@code schema/}), which editors use through the YAML
 * language server. The report schema's pattern for a quantity is made from the unit table, so an
 * office that adds a unit in {@code units.yaml} runs {@code gazette schema} and its editor accepts it.
 */
public final class SchemaFiles {

    public static final String REPORT = "schema/report.schema.json";
    private static final String MARK = "\"pattern\": \"^(超过|将近|近|约|超|逾)";

    private SchemaFiles() {}

    /** Whether the content folder's report schema exists and gives another pattern than {@code units}. */
    public static boolean outdated(Path contentDir, Units units) {
        Path file = contentDir.resolve(REPORT);
        if (!Files.isRegularFile(file)) return false;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int[] span = span(text);
            return span != null && !text.substring(span[0], span[1]).equals(json(units.schemaPattern()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the table's pattern into the report schema; false when it already had it. */
    public static boolean update(Path contentDir, Units units) {
        Path file = contentDir.resolve(REPORT);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int[] span = span(text);
            if (span == null) {
                throw problem(Msg.SCHEMA_NO_PATTERN.with(), Msg.SCHEMA_NO_PATTERN_FIX.with());
            }
            String updated = text.substring(0, span[0]) + json(units.schemaPattern()) + text.substring(span[1]);
            if (updated.equals(text)) return false;
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, updated, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            throw problem(Msg.SCHEMA_MISSING.with(), Msg.SCHEMA_MISSING_FIX.with());
        } catch (IOException e) {
            throw problem(Msg.SCHEMA_IO.with(Msg.reason(e)), Msg.SCHEMA_IO_FIX.with());
        }
    }

    private static GazetteException problem(Message message, Message hint) {
        return new GazetteException(new Problem(Problem.Severity.ERROR, REPORT, 0, 0, message, hint));
    }

    /** Where the quantity pattern's JSON string (quotes included) starts and ends, or null. */
    private static int[] span(String text) {
        int at = text.indexOf(MARK);
        if (at < 0) return null;
        int start = at + MARK.indexOf('"', 10);
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != '"') i += text.charAt(i) == '\\' ? 2 : 1;
        return i < text.length() ? new int[] {start, i + 1} : null;
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
