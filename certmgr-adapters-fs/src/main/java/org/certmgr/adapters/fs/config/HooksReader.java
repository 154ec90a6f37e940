package org.certmgr.adapters.fs.config;

import org.certmgr.ports.out.HookEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code hooks} section: hook name → a command string, an object
 * <code>{"args": [...], "timeout": seconds}</code>, or a list of these.
 */
final class HooksReader {
    private static final int MAX_TIMEOUT = 86_400;

    private HooksReader() {
    }

    static Map<HookEvent, List<HookCommand>> read(Section s) throws ConfigException {
        Map<HookEvent, List<HookCommand>> hooks = new EnumMap<>(HookEvent.class);
        for (Map.Entry<String, Node> entry : s.entries()) {
            Node node = entry.getValue();
            Optional<HookEvent> event = HookEvent.byId(entry.getKey());
            if (event.isEmpty()) {
                throw node.error("unknown hook \"" + entry.getKey() + "\"" + suggestion(entry.getKey())
                        + "; the hooks are " + String.join(", ", ids()));
            }
            List<HookCommand> commands = new ArrayList<>();
            if (node.isList()) {
                for (Node item : node.list()) {
                    commands.add(command(item, event.get()));
                }
            } else if (!node.isNull()) {
                commands.add(command(node, event.get()));
            }
            hooks.put(event.get(), commands);
        }
        return hooks;
    }

    private static HookCommand command(Node node, HookEvent event) throws ConfigException {
        if (node.isText()) {
            List<String> args = LocalSectionsReader.split(node, node.nonEmptyString());
            checkFields(node, event, args);
            return new HookCommand(args, HookCommand.DEFAULT_TIMEOUT);
        }
        if (!node.isObject()) {
            throw node.expected("a command string or an object with \"args\"");
        }
        Section command = node.object();
        Node argsNode = command.require("args", "the program and its arguments, as a list of strings");
        List<String> args = new ArrayList<>();
        for (Node arg : argsNode.list()) {
            String text = arg.string();
            checkFields(arg, event, List.of(text));
            args.add(text);
        }
        if (args.isEmpty() || args.get(0).isBlank()) {
            throw argsNode.error("expected the program and its arguments; the list is empty or the program is blank");
        }
        Duration timeout = HookCommand.DEFAULT_TIMEOUT;
        Optional<Node> seconds = command.get("timeout");
        if (seconds.isPresent() && !seconds.get().isNull()) {
            timeout = Duration.ofSeconds(seconds.get().integer(1, MAX_TIMEOUT));
        }
        command.finish();
        return new HookCommand(args, timeout);
    }

    private static void checkFields(Node node, HookEvent event, List<String> args) throws ConfigException {
        for (String arg : args) {
            List<String> fields;
            try {
                fields = Template.fields(arg);
            } catch (IllegalArgumentException e) {
                throw node.error(e.getMessage());
            }
            for (String field : fields) {
                if (field.equals("passphrase")) {
                    throw node.error("hook " + event.id() + " cannot pass {passphrase} as an argument: every user"
                            + " of the machine could read it in the process list; the hook gets it in the"
                            + " environment variable CERTMGR_PASSPHRASE instead");
                }
                if (!event.fields().contains(field)) {
                    String guess = Suggestions.closest(field, event.fields());
                    throw node.error("unknown field {" + field + "} for hook " + event.id()
                            + (guess == null ? "" : " (did you mean {" + guess + "}?)")
                            + "; its fields are " + String.join(", ", event.fields()));
                }
            }
        }
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (HookEvent event : HookEvent.values()) {
            ids.add(event.id());
        }
        return ids;
    }

    private static String suggestion(String typed) {
        String guess = Suggestions.closest(typed, ids());
        return guess == null ? "" : " (did you mean " + guess + "?)";
    }
}
