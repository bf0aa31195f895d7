package org.gazette.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.gazette.problem.Lang;
import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Problem;
import org.gazette.yaml.Suggest;

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
    record Option(String name, String label, Message help, String fallback, boolean required) {

        static Option flag(String name, Message help) {
            return new Option(name, null, help, null, false);
        }

        static Option value(String name, String label, Message help, String fallback) {
            return new Option(name, label, help, fallback, false);
        }

        static Option required(String name, String label, Message help) {
            return new Option(name, label, help, null, true);
        }
    }

    /** {@code --lang zh|en}, which every command takes: the language Gazette speaks in (chosen before the command runs). */
    static final Option LANG = Option.value("--lang", "zh|en", Msg.OPT_LANG.with(), null);

    /** A command: its name, a line of summary, more lines of description, options, named arguments, what it does, its subcommands. */
    record Command(String name, Message summary, List<Message> more, List<Option> options, List<Option> arguments,
                   Function<Args, Integer> action, List<Command> commands) {

        static Command of(String name, Message summary, List<Option> options, Function<Args, Integer> action) {
            return new Command(name, summary, List.of(), options, List.of(), action, List.of());
        }

        Command describedAlso(Message... lines) {
            return new Command(name, summary, List.of(lines), options, arguments, action, commands);
        }

        Command withArguments(Option... args) {
            return new Command(name, summary, more, options, List.of(args), action, commands);
        }

        static Command group(String name, Message summary, List<Command> commands) {
            return new Command(name, summary, List.of(), List.of(), List.of(), null, commands);
        }

        /** The option called {@code name}: the command's own, else {@code --lang}, which every command takes. */
        Option option(String name) {
            for (Option o : options) if (o.name().equals(name)) return o;
            return name.equals(LANG.name()) ? LANG : null;
        }

        /** The command's options as its help lists them: its own, and {@code --lang} unless it has its own. */
        List<Option> listed() {
            for (Option o : options) if (o.name().equals(LANG.name())) return options;
            List<Option> all = new ArrayList<>(options);
            all.add(LANG);
            all.sort(java.util.Comparator.comparing(Option::name));
            return all;
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
        /** The language Gazette speaks in for this run. */
        final Lang lang;
        private final String command;

        Args(String command, PrintWriter out, PrintWriter err, Lang lang) {
            this.command = command;
            this.out = out;
            this.err = err;
            this.lang = lang;
        }

        /** {@code m} in this run's language. */
        String say(Message m) {
            return m.in(lang);
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
        final transient Message why;

        Usage(Message why, String command) {
            super(why.toString(), null, false, false);
            this.command = command;
            this.why = why;
        }
    }

    private final Command root;
    private final String version;
    private final Lang lang;

    CommandLine(Command root, String version, Lang lang) {
        this.root = root;
        this.version = version;
        this.lang = lang;
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
            // --lang may stand before the command too (gazette --lang zh build): the run's language is already chosen from it.
            if (word.equals(LANG.name()) || word.startsWith(LANG.name() + "=")) {
                i += word.equals(LANG.name()) ? 2 : 1;
                continue;
            }
            if (at == root && word.equals("help")) {
                return helpCommand(java.util.Arrays.copyOfRange(args, i + 1, args.length), out, err);
            }
            Command next = at.command(word);
            if (next == null) {
                List<String> names = at.commands().stream().map(Command::name).toList();
                String meant = closest(word, names);
                Message what = (word.startsWith("-") ? Msg.CLI_UNKNOWN_OPTION : Msg.CLI_UNKNOWN_COMMAND).with(Problem.visible(word));
                err.println(path + ": " + (meant != null ? Msg.CLI_UNKNOWN_COMMAND_NEAR.with(what, path + " " + meant, names, path + " --help")
                        : Msg.CLI_UNKNOWN_COMMAND_LIST.with(what, names, path + " --help")).in(lang));
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
        Args parsed = new Args(path, out, err, lang);
        try {
            if (parse(at, path, java.util.Arrays.copyOfRange(args, i, args.length), parsed, out)) return 0;
        } catch (Usage u) {
            err.println(u.command + ": " + Problem.visible(Msg.CLI_USAGE.with(u.why, u.command + " --help").in(lang)));
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
                err.println(path + ": " + (meant != null ? Msg.CLI_NO_COMMAND_NEAR.with(Problem.visible(w), meant, path + " --help")
                        : Msg.CLI_NO_COMMAND.with(Problem.visible(w), path + " --help")).in(lang));
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
                String meant = closest(name, cmd.listed().stream().map(Option::name).toList());
                throw new Usage(meant != null ? Msg.CLI_UNKNOWN_OPTION_NEAR.with(name, meant) : Msg.CLI_UNKNOWN_OPTION.with(name), path);
            }
            if (o.label() == null) {
                if (eq > 0) throw new Usage(Msg.CLI_NO_VALUE.with(name, w.substring(eq)), path);
                into.values.put(name, "true");
                continue;
            }
            String value;
            if (eq > 0) {
                value = w.substring(eq + 1);
            } else if (i + 1 < words.length && !(words[i + 1].startsWith("--") && words[i + 1].length() > 2)) {
                value = words[++i];
            } else {
                throw new Usage(Msg.CLI_NEEDS_VALUE.with(name, name + " " + o.label()), path);
            }
            into.values.put(name, value);
        }
        for (int k = 0; k < cmd.arguments().size(); k++) {
            Option a = cmd.arguments().get(k);
            if (k < positional.size()) into.values.put(a.label(), positional.get(k));
            else throw new Usage(Msg.CLI_MISSING_ARGUMENT.with(a.label(), path + " " + a.label(), a.help()), path);
        }
        if (positional.size() > cmd.arguments().size()) {
            List<String> extra = positional.subList(cmd.arguments().size(), positional.size());
            throw new Usage(cmd.options().isEmpty() ? Msg.CLI_UNEXPECTED.with(String.join(" ", extra))
                    : Msg.CLI_UNEXPECTED_OPTIONS.with(String.join(" ", extra), cmd.options().get(0).name()), path);
        }
        List<Message> missing = new ArrayList<>();
        for (Option o : cmd.options()) {
            if (into.values.containsKey(o.name())) continue;
            if (o.required()) missing.add(Msg.CLI_OPTION_WITH_HELP.with(o.name() + " " + o.label(), o.help()));
            else if (o.fallback() != null) into.values.put(o.name(), o.fallback());
        }
        if (!missing.isEmpty()) throw new Usage(Msg.CLI_MISSING_OPTIONS.with(missing), path);
        return false;
    }

    /** The help of a command: usage line, description, arguments, options, subcommands; lines of at most 80 columns. */
    void help(Command cmd, String path, PrintWriter out) {
        StringBuilder usage = new StringBuilder(Msg.CLI_HELP_USAGE.with(path).in(lang));
        if (!cmd.commands().isEmpty()) usage.append(' ').append(Msg.CLI_HELP_COMMAND_WORD.with().in(lang));
        usage.append(" [").append(Msg.CLI_HELP_OPTIONS_WORD.with().in(lang)).append(']');
        for (Option o : cmd.options()) if (o.required()) usage.append(' ').append(o.name()).append(' ').append(o.label());
        for (Option a : cmd.arguments()) usage.append(' ').append(a.label());
        out.println(usage);
        wrap(out, "", cmd.summary().in(lang));
        for (Message line : cmd.more()) wrap(out, "", line.in(lang));
        List<String[]> rows = new ArrayList<>();
        for (Option a : cmd.arguments()) rows.add(new String[] {a.label(), a.help().in(lang)});
        if (!rows.isEmpty()) {
            out.println();
            out.println(Msg.CLI_HELP_ARGUMENTS.with().in(lang));
            table(out, rows);
        }
        rows = new ArrayList<>();
        for (Option o : cmd.listed()) {
            Message help = o.fallback() != null ? Msg.CLI_HELP_DEFAULT.with(o.help(), o.fallback())
                    : o.required() ? Msg.CLI_HELP_REQUIRED.with(o.help()) : o.help();
            rows.add(new String[] {o.name() + (o.label() == null ? "" : " " + o.label()), help.in(lang)});
        }
        rows.add(new String[] {"-h, --help", Msg.CLI_HELP_HELP.with().in(lang)});
        if (cmd == root) rows.add(new String[] {"-V, --version", Msg.CLI_HELP_VERSION.with().in(lang)});
        out.println();
        out.println(Msg.CLI_HELP_OPTIONS.with().in(lang));
        table(out, rows);
        if (!cmd.commands().isEmpty()) {
            rows = new ArrayList<>();
            for (Command c : cmd.commands()) rows.add(new String[] {c.name(), c.summary().in(lang)});
            if (cmd == root) rows.add(new String[] {"help", Msg.CLI_HELP_HELP_COMMAND.with(path + " help build").in(lang)});
            out.println();
            out.println(Msg.CLI_HELP_COMMANDS.with().in(lang));
            table(out, rows);
            out.println();
            out.println(Msg.CLI_HELP_SEE.with(path + " " + Msg.CLI_HELP_COMMAND_WORD.with().in(lang) + " --help").in(lang));
        }
        out.flush();
    }

    private static final int WIDTH = 80;

    private static void table(PrintWriter out, List<String[]> rows) {
        int left = 0;
        for (String[] r : rows) left = Math.max(left, columns(r[0]));
        left = Math.min(left, 24);
        for (String[] r : rows) {
            String head = "  " + r[0];
            String indent = " ".repeat(left + 4);
            if (columns(r[0]) > left) {
                out.println(head);
                wrap(out, indent, r[1]);
            } else {
                List<String> lines = lines(r[1], WIDTH - indent.length());
                for (int i = 0; i < lines.size(); i++) {
                    out.println((i == 0 ? head + " ".repeat(indent.length() - columns(head)) : indent) + lines.get(i));
                }
            }
        }
    }

    private static void wrap(PrintWriter out, String indent, String text) {
        for (String line : lines(text, WIDTH - indent.length())) out.println(indent + line);
    }

    /**
     * {@code text} cut into lines of at most {@code width} terminal columns (a Chinese character takes
     * two): at spaces, and between Chinese characters, never before a closing mark (，。）” …), after
     * an opening one (（“ …), nor where Chinese and Latin meet without a space; a longer word stands alone.
     */
    static List<String> lines(String text, int width) {
        // Units that may not be split, each with whether a space stood before it.
        List<String> units = new ArrayList<>();
        List<Boolean> spaced = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == ' ') {
                if (word.length() > 0) space = add(units, spaced, word, space);
                space = true;
                continue;
            }
            int close = c == '<' ? text.indexOf('>', i) : -1;
            if (close > 0 && close - i < 20 && text.substring(i, close).indexOf(' ') < 0) {
                // A placeholder such as <年份> is one word, whatever it is written in.
                word.append(text, i - 1, close + 1);
                i = close + 1;
                continue;
            }
            boolean wide = wide(c);
            if (wide && word.length() > 0) space = add(units, spaced, word, space);
            word.appendCodePoint(c);
            if (wide) space = add(units, spaced, word, space);
        }
        if (word.length() > 0) add(units, spaced, word, space);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (int k = 0; k < units.size(); k++) {
            String u = units.get(k);
            int need = columns(u) + (spaced.get(k) && line.length() > 0 ? 1 : 0);
            if (line.length() > 0 && used + need > width) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
                need = columns(u);
            } else if (spaced.get(k) && line.length() > 0) {
                line.append(' ');
            }
            line.append(u);
            used += need;
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** Adds the unit in {@code word} (a closing mark joins the unit before it, and what follows an opening mark joins it); false: no space pending. */
    private static boolean add(List<String> units, List<Boolean> spaced, StringBuilder word, boolean space) {
        String w = word.toString();
        word.setLength(0);
        int last = units.size() - 1;
        // Chinese and Latin written together ("<名称>.md", "用Gazette生成") stay together, as the user reads them.
        if (last >= 0 && !space && (CLOSING.indexOf(w.codePointAt(0)) >= 0 || endsOpen(units.get(last))
                || wide(w.codePointAt(0)) != wide(units.get(last).codePointBefore(units.get(last).length())))) {
            units.set(last, units.get(last) + w);
            return false;
        }
        units.add(w);
        spaced.add(space);
        return false;
    }

    private static final String CLOSING = "，。、；：？！）」』”’》〉】…,.;:?!)";
    private static final String OPENING = "（「『“‘《〈【(";

    private static boolean endsOpen(String unit) {
        return OPENING.indexOf(unit.codePointBefore(unit.length())) >= 0;
    }

    /** Whether {@code c} takes two columns in a terminal (Chinese, Japanese and full-width forms). */
    static boolean wide(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
    }

    /** The columns {@code s} takes in a terminal. */
    static int columns(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            n += wide(c) ? 2 : 1;
        }
        return n;
    }

    /** The name in {@code names} closest to a mistyped {@code word} (a few edits away, or its beginning), or null. */
    static String closest(String word, List<String> names) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            String name = n.toLowerCase(Locale.ROOT);
            int d = Suggest.distance(w, name);
            if (w.length() >= 4 && name.startsWith(w)) d = Math.min(d, 1);
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return bestDistance <= (w.length() <= 4 ? 1 : 2) ? best : null;
    }
}
