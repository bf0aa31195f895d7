package org.gazette.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Gazette's command line: commands with options and arguments, their help, and usage errors that
 * say what was wrong and what was meant ("did you mean --content?"). Small on purpose: a start of
 * {@code gazette check} should cost the check, not a framework's reflection (picocli, which this
 * replaces, was a fifth of a check's time: Java 5 classes that cannot be archived, read by reflection
 * at every start).
 *
 * <p>Options are long ({@code --out DIR} or {@code --out=DIR}); {@code -h}/{@code --help} and
 * {@code -V}/{@code --version} work everywhere; {@code --} ends the options.
 */
final class CommandLine {

    /** An option: its name ({@code --out}), the label of its value (null for a switch), its help, its default. */
    record Option(String name, String label, String help, String fallback, boolean required) {

        static Option flag(String name, String help) {
            return new Option(name, null, help, null, false);
        }

        static Option value(String name, String label, String help, String fallback) {
            return new Option(name, label, help, fallback, false);
        }

        static Option required(String name, String label, String help) {
            return new Option(name, label, help, null, true);
        }
    }

    /** A command: its name, a line of summary, more lines of description, options, named arguments, what it does, its subcommands. */
    record Command(String name, String summary, List<String> more, List<Option> options, List<Option> arguments,
                   Function<Args, Integer> action, List<Command> commands) {

        static Command of(String name, String summary, List<Option> options, Function<Args, Integer> action) {
            return new Command(name, summary, List.of(), options, List.of(), action, List.of());
        }

        Command describedAlso(String... lines) {
            return new Command(name, summary, List.of(lines), options, arguments, action, commands);
        }

        Command withArguments(Option... args) {
            return new Command(name, summary, more, options, List.of(args), action, commands);
        }

        static Command group(String name, String summary, List<Command> commands) {
            return new Command(name, summary, List.of(), List.of(), List.of(), null, commands);
        }

        Option option(String name) {
            for (Option o : options) if (o.name().equals(name)) return o;
            return null;
        }

        Command command(String name) {
            for (Command c : commands) if (c.name().equals(name)) return c;
            return null;
        }
    }

    /** What a command was given: option values (defaults filled in), switches, arguments by label. */
    static final class Args {
        private final Map<String, String> values = new LinkedHashMap<>();
        final PrintWriter out;
        final PrintWriter err;
        private final String command;

        Args(String command, PrintWriter out, PrintWriter err) {
            this.command = command;
            this.out = out;
            this.err = err;
        }

        /** The value of an option or argument, or its default; null when neither. */
        String get(String name) {
            return values.get(name);
        }

        boolean has(String flag) {
            return values.containsKey(flag);
        }

        java.nio.file.Path path(String name) {
            String v = values.get(name);
            return v == null ? null : java.nio.file.Path.of(v);
        }

        /** The whole command, e.g. "gazette new article", for messages. */
        String command() {
            return command;
        }
    }

    /** A usage error: the message, and the command whose help to point to. */
    private static final class Usage extends RuntimeException {
        final String command;

        Usage(String message, String command) {
            super(message, null, false, false);
            this.command = command;
        }
    }

    private final Command root;
    private final String version;

    CommandLine(Command root, String version) {
        this.root = root;
        this.version = version;
    }

    /** Runs what {@code args} ask for: the command's exit code; 0 for help and version; 2 for a usage error. */
    int run(String[] args, PrintWriter out, PrintWriter err) {
        Command at = root;
        String path = root.name();
        int i = 0;
        // The command, then its subcommand, as far as the words go.
        while (i < args.length && !at.commands().isEmpty()) {
            String word = args[i];
            if (answered(word, at, path, out)) return 0;
            if (at == root && word.equals("help")) {
                return helpCommand(java.util.Arrays.copyOfRange(args, i + 1, args.length), out, err);
            }
            Command next = at.command(word);
            if (next == null) {
                List<String> names = at.commands().stream().map(Command::name).toList();
                String meant = closest(word, names);
                err.println(path + ": " + (word.startsWith("-") ? "unknown option '" + org.gazette.problem.Problem.visible(word) + "'" : "unknown command '" + org.gazette.problem.Problem.visible(word) + "'")
                        + (meant != null ? " — did you mean '" + path + " " + meant + "'?" : "")
                        + " (commands: " + String.join(", ", names) + "; see " + path + " --help)");
                return 2;
            }
            at = next;
            path = path + " " + next.name();
            i++;
        }
        if (at.action() == null) {
            // A group without its command: show what there is, as a usage error.
            help(at, path, err);
            return 2;
        }
        Args parsed = new Args(path, out, err);
        try {
            if (parse(at, path, java.util.Arrays.copyOfRange(args, i, args.length), parsed, out)) return 0;
        } catch (Usage u) {
            err.println(u.command + ": " + org.gazette.problem.Problem.visible(u.getMessage()) + " (see " + u.command + " --help)");
            return 2;
        }
        return at.action().apply(parsed);
    }

    /** Whether {@code word} asks for help or the version: then it is shown, and the command does not run. */
    private boolean answered(String word, Command cmd, String path, PrintWriter out) {
        if (word.equals("-h") || word.equals("--help")) {
            help(cmd, path, out);
            return true;
        }
        if (word.equals("-V") || word.equals("--version")) {
            out.println(version);
            return true;
        }
        return false;
    }

    /** {@code gazette help [COMMAND…]}: the help of that command. */
    private int helpCommand(String[] words, PrintWriter out, PrintWriter err) {
        Command at = root;
        String path = root.name();
        for (String w : words) {
            Command next = at.command(w);
            if (next == null) {
                String meant = closest(w, at.commands().stream().map(Command::name).toList());
                err.println(path + ": no command '" + org.gazette.problem.Problem.visible(w) + "'" + (meant != null ? " — did you mean '" + meant + "'?" : "") + " (see " + path + " --help)");
                return 2;
            }
            at = next;
            path = path + " " + next.name();
        }
        help(at, path, out);
        return 0;
    }

    /** Fills {@code into} from {@code words}; true when help or the version was asked for (and shown). */
    private boolean parse(Command cmd, String path, String[] words, Args into, PrintWriter out) {
        // Help and the version win over any mistake beside them: they are what a confused user asks for.
        for (String w : words) {
            if (w.equals("--")) break;
            if (answered(w, cmd, path, out)) return true;
        }
        List<String> positional = new ArrayList<>();
        boolean optionsEnd = false;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (optionsEnd || !w.startsWith("-") || w.equals("-")) {
                positional.add(w);
                continue;
            }
            if (w.equals("--")) {
                optionsEnd = true;
                continue;
            }
            int eq = w.indexOf('=');
            String name = eq > 0 ? w.substring(0, eq) : w;
            Option o = cmd.option(name);
            if (o == null) {
                String meant = closest(name, cmd.options().stream().map(Option::name).toList());
                throw new Usage("unknown option '" + name + "'" + (meant != null ? " — did you mean " + meant + "?" : ""), path);
            }
            if (o.label() == null) {
                if (eq > 0) throw new Usage(name + " takes no value (remove '" + w.substring(eq) + "')", path);
                into.values.put(name, "true");
                continue;
            }
            String value;
            if (eq > 0) {
                value = w.substring(eq + 1);
            } else if (i + 1 < words.length && !(words[i + 1].startsWith("--") && words[i + 1].length() > 2)) {
                value = words[++i];
            } else {
                throw new Usage(name + " needs a value: " + name + " " + o.label(), path);
            }
            into.values.put(name, value);
        }
        for (int k = 0; k < cmd.arguments().size(); k++) {
            Option a = cmd.arguments().get(k);
            if (k < positional.size()) into.values.put(a.label(), positional.get(k));
            else throw new Usage("missing " + a.label() + ": " + path + " " + a.label() + " (" + a.help() + ")", path);
        }
        if (positional.size() > cmd.arguments().size()) {
            List<String> extra = positional.subList(cmd.arguments().size(), positional.size());
            throw new Usage("unexpected '" + String.join(" ", extra) + "'"
                    + (cmd.options().isEmpty() ? "" : " (options start with --, e.g. " + cmd.options().get(0).name() + ")"), path);
        }
        List<String> missing = new ArrayList<>();
        for (Option o : cmd.options()) {
            if (into.values.containsKey(o.name())) continue;
            if (o.required()) missing.add(o.name() + " " + o.label() + " (" + o.help() + ")");
            else if (o.fallback() != null) into.values.put(o.name(), o.fallback());
        }
        if (!missing.isEmpty()) throw new Usage("missing " + String.join(", ", missing), path);
        return false;
    }

    /** The help of a command: usage line, description, arguments, options, subcommands; lines of at most 80 columns. */
    void help(Command cmd, String path, PrintWriter out) {
        StringBuilder usage = new StringBuilder("Usage: " + path);
        if (!cmd.commands().isEmpty()) usage.append(" COMMAND");
        if (!cmd.options().isEmpty()) usage.append(" [OPTIONS]");
        for (Option o : cmd.options()) if (o.required()) usage.append(' ').append(o.name()).append(' ').append(o.label());
        for (Option a : cmd.arguments()) usage.append(' ').append(a.label());
        out.println(usage);
        wrap(out, "", cmd.summary());
        for (String line : cmd.more()) wrap(out, "", line);
        List<String[]> rows = new ArrayList<>();
        for (Option a : cmd.arguments()) rows.add(new String[] {a.label(), a.help()});
        if (!rows.isEmpty()) {
            out.println();
            out.println("Arguments:");
            table(out, rows);
        }
        rows = new ArrayList<>();
        for (Option o : cmd.options()) {
            String help = o.help() + (o.fallback() != null ? " (default: " + o.fallback() + ")" : "") + (o.required() ? " (required)" : "");
            rows.add(new String[] {o.name() + (o.label() == null ? "" : " " + o.label()), help});
        }
        rows.add(new String[] {"-h, --help", "show this help"});
        if (cmd == root) rows.add(new String[] {"-V, --version", "show Gazette's version"});
        out.println();
        out.println("Options:");
        table(out, rows);
        if (!cmd.commands().isEmpty()) {
            rows = new ArrayList<>();
            for (Command c : cmd.commands()) rows.add(new String[] {c.name(), c.summary()});
            if (cmd == root) rows.add(new String[] {"help", "show the help of a command: " + path + " help build"});
            out.println();
            out.println("Commands:");
            table(out, rows);
            out.println();
            out.println("See '" + path + " COMMAND --help' for a command's options.");
        }
        out.flush();
    }

    private static final int WIDTH = 80;

    private static void table(PrintWriter out, List<String[]> rows) {
        int left = 0;
        for (String[] r : rows) left = Math.max(left, r[0].length());
        left = Math.min(left, 24);
        for (String[] r : rows) {
            String head = "  " + r[0];
            String indent = " ".repeat(left + 4);
            if (r[0].length() > left) {
                out.println(head);
                wrap(out, indent, r[1]);
            } else {
                List<String> lines = lines(r[1], WIDTH - indent.length());
                for (int i = 0; i < lines.size(); i++) {
                    out.println((i == 0 ? head + " ".repeat(indent.length() - head.length()) : indent) + lines.get(i));
                }
            }
        }
    }

    private static void wrap(PrintWriter out, String indent, String text) {
        for (String line : lines(text, WIDTH - indent.length())) out.println(indent + line);
    }

    /** {@code text} cut at spaces into lines of at most {@code width} characters (a longer word stands alone). */
    static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** The name in {@code names} closest to a mistyped {@code word} (a few edits away, or its beginning), or null. */
    static String closest(String word, List<String> names) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            String name = n.toLowerCase(Locale.ROOT);
            int d = org.gazette.yaml.Suggest.distance(w, name);
            if (w.length() >= 4 && name.startsWith(w)) d = Math.min(d, 1);
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return bestDistance <= (w.length() <= 4 ? 1 : 2) ? best : null;
    }
}
