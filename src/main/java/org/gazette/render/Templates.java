package org.gazette.render;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problem;
import org.gazette.yaml.SourceText;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

/**
 * The one FreeMarker configuration: HTML auto-escaping, every undefined value an error (with the
 * template's file and line), numbers never formatted behind the templates' back, no access to
 * Java classes from templates. Templates are compiled once and cached.
 */
public final class Templates {

    private final Configuration cfg;
    private final String displayDir;

    public Templates(Path dir, String displayDir) {
        Engines.quietTemplates();
        this.displayDir = displayDir;
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        try {
            c.setTemplateLoader(new CheckedLoader(dir.toFile(), displayDir));
        } catch (IOException e) {
            throw new GazetteException(Position.of(displayDir).error(Msg.TEMPLATES_UNREADABLE.with(Msg.reason(e)), Msg.TEMPLATES_UNREADABLE_FIX.with()));
        }
        c.setDefaultEncoding("UTF-8");
        c.setRecognizeStandardFileExtensions(true);
        c.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setLocalizedLookup(false);
        c.setAPIBuiltinEnabled(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        // Records are the model: let templates write report.title, not report.title().
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        c.setObjectWrapper(wrapper.build());
        this.cfg = c;
    }

    /** Renders {@code name} with {@code model}; a template mistake becomes a problem naming the template file and line. */
    public String render(String name, Map<String, Object> model) {
        Template template = template(name);
        StringWriter out = new StringWriter(16 * 1024);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw new GazetteException(problem(e));
        } catch (IOException e) {
            throw new GazetteException(Position.of(displayDir + "/" + name).error(Msg.CANNOT_RENDER.with(String.valueOf(e.getMessage())), null));
        }
        return out.toString();
    }

    /** Compiles a template (cached), to check its syntax. */
    public Template template(String name) {
        try {
            return cfg.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new GazetteException(Position.of(displayDir + "/" + name).error(Msg.TEMPLATE_NOT_FOUND.with(), Msg.TEMPLATE_NOT_FOUND_FIX.with(name)));
        } catch (ParseException e) {
            throw new GazetteException(syntaxProblem(e, name));
        } catch (IOException e) {
            // FreeMarker remembers a failed parse and says so on the next attempt; report the parse error itself.
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof ParseException pe) throw new GazetteException(syntaxProblem(pe, name));
                if (c instanceof Refused r) throw new GazetteException(r.problems);
            }
            throw new GazetteException(Position.of(displayDir + "/" + name).error(Msg.CANNOT_READ_TEMPLATE.with(Msg.reason(e)), null));
        }
    }

    private Problem syntaxProblem(ParseException e, String name) {
        String file = displayDir + "/" + (e.getTemplateName() != null ? e.getTemplateName() : name);
        String what = e.getEditorMessage() == null ? "" : e.getEditorMessage().replaceAll("\\s+", " ").strip();
        if (what.length() > 200) what = what.substring(0, 200) + " …";
        return new Position(file, e.getLineNumber(), e.getColumnNumber())
                .error(Msg.TEMPLATE_SYNTAX.with(what), Msg.TEMPLATE_SYNTAX_FIX.with());
    }

    private Problem problem(TemplateException e) {
        String source = e.getTemplateSourceName();
        String file = displayDir + "/" + (source != null ? source : "?");
        int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
        int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
        String blamed = e.getBlamedExpressionString();
        if (e instanceof freemarker.core.InvalidReferenceException) {
            return new Position(file, line, column).error(Msg.TEMPLATE_UNDEFINED.with(blamed),
                    Msg.TEMPLATE_UNDEFINED_FIX.with(blamed + "?? / " + blamed + "!\"\""));
        }
        return new Position(file, line, column).error(Msg.TEMPLATE_ERROR.with(firstLine(e.getMessageWithoutStackTop())), Msg.TEMPLATE_ERROR_FIX.with());
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    /**
     * Reads templates as content is read ({@link org.gazette.yaml.SourceText}): strict UTF-8, and no
     * character that no page or PDF can carry — said at the template's line and column.
     */
    private static final class CheckedLoader extends freemarker.cache.FileTemplateLoader {
        private final String displayDir;

        CheckedLoader(java.io.File dir, String displayDir) throws IOException {
            super(dir);
            this.displayDir = displayDir;
        }

        @Override
        public java.io.Reader getReader(Object source, String encoding) throws IOException {
            java.io.File file = (java.io.File) source;
            byte[] bytes = java.nio.file.Files.readAllBytes(file.toPath());
            String name = displayDir + "/" + getBaseDirectory().toPath().relativize(file.toPath()).toString().replace('\\', '/');
            try {
                return new java.io.StringReader(SourceText.decode(bytes, name).text());
            } catch (GazetteException e) {
                throw new Refused(e.problems());
            }
        }
    }

    /** A template refused as it was read; carried through FreeMarker as the I/O failure it reports. */
    private static final class Refused extends IOException {
        final java.util.List<Problem> problems;

        Refused(java.util.List<Problem> problems) {
            super(problems.get(0).format());
            this.problems = problems;
        }
    }
}
