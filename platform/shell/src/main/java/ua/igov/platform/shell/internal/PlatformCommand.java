package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.ShellUtil;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.ProblemException;

/**
 * The base of every {@code platform:} command: a shared {@code --json} option so each command is scriptable, and
 * problems printed as one clear line instead of a stack trace.
 */
abstract class PlatformCommand implements Action {

    static final String SCOPE = "platform";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Option(name = "--json", description = "Print the answer as JSON instead of a table")
    boolean json;

    /**
     * Every service a command or completer of this bundle takes is an optional reference. Karaf registers a bundle's
     * commands together, once every mandatory reference of every one of them is there: with the store down (no data
     * source, a failed migration) the whole {@code platform:} scope was "Command not found", the doctor with it.
     * Now each command says which service it lacks, and the doctor and {@code platform:plugins} answer anyway.
     */
    @Override
    public final Object execute() throws Exception {
        List<String> missing = missingServices();
        if (!missing.isEmpty() && !answersWithoutServices()) {
            throw new IllegalStateException("This command needs " + String.join(", ", missing) + ", which is not "
                    + "running: the store or the core did not start (see platform:doctor and karaf.log)");
        }
        PrintStream out = System.out;
        try {
            Object result = query();
            if (json) {
                out.println(JSON.writeValueAsString(result));
            } else {
                print(result, out);
            }
        } catch (ProblemException problem) {
            // Karaf prints a failed command's message and ends a scripted (ssh) call with a non-zero status.
            throw new IllegalArgumentException(problem.title() + ": " + inTheConsolesWords(problem.detail(), fieldsAsTyped()));
        }
        return null;
    }

    /**
     * The REST request's fields this command fills, by what the operator typed for them ({@code "/reason"} is the
     * REASON argument): the core names the request's fields, which the console never showed.
     */
    protected Map<String, String> fieldsAsTyped() {
        return Map.of();
    }

    /** A problem's detail with the request's field names put as the console's options and arguments. */
    static String inTheConsolesWords(String detail, Map<String, String> fieldsAsTyped) {
        String said = detail == null ? "" : detail;
        for (Map.Entry<String, String> field : fieldsAsTyped.entrySet()) {
            said = said.replaceAll(java.util.regex.Pattern.quote(field.getKey()) + "(?![A-Za-z0-9_])",
                    java.util.regex.Matcher.quoteReplacement(field.getValue()));
        }
        return said;
    }

    /**
     * The user signed in to the console, as an operator (everyone there has passed Karaf's login as one): commands
     * that change something act as them, so the audit trail names who did it.
     */
    static Caller signedInOperator() {
        String user = ShellUtil.getCurrentUserName();
        return new Caller.Staff(user == null ? "console" : user, Set.of(), Set.of(), true);
    }

    /**
     * Text someone else typed that must stay one line (an account name typed at a sign-in): as {@link #printable},
     * with line breaks and line and paragraph separators escaped too, so it cannot add a row that is not there.
     */
    static String oneLine(String text) {
        StringBuilder shown = new StringBuilder();
        printable(text).codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '\n' || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /**
     * Text someone else wrote (a citizen's comment, a note), as a table cell: control and formatting characters
     * (an escape sequence, a carriage return, a right-to-left override) are shown as a Java escape of their code
     * point instead of acting on the operator's terminal, where they could hide or fake what is about to be
     * approved. Line breaks stay: the table wraps at them. {@code null} is empty.
     */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c != '\n' && (type == Character.CONTROL || type == Character.FORMAT)) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /**
     * A {@code --limit} as given, if it is one: out of range is refused naming the option, not quietly made 1 or the
     * maximum (an operator who typed {@code --limit 0} or {@code -5} meant something else).
     */
    static int limit(int given, int max) {
        if (given < 1 || given > max) {
            throw new IllegalArgumentException("--limit must be between 1 and " + max + ", not " + given);
        }
        return given;
    }

    /** Whether the command answers with some of its services missing, saying itself what it cannot tell. */
    protected boolean answersWithoutServices() {
        return false;
    }

    /** The services this command takes that are not there now, by type name. */
    private List<String> missingServices() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Class<?> type = getClass(); type != PlatformCommand.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Reference.class)) {
                    field.setAccessible(true);
                    if (field.get(this) == null) {
                        missing.add(field.getType().getSimpleName());
                    }
                }
            }
        }
        return missing;
    }

    /** What the command answers, as data; printed as JSON or handed to {@link #print}. */
    protected abstract Object query();

    protected abstract void print(Object result, PrintStream out);
}
